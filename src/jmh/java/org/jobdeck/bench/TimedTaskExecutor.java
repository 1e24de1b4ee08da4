package org.jobdeck.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.jobdeck.ui.util.TaskExecutor;
import org.jobdeck.ui.util.TaskHandle;

/**
 * A {@link TaskExecutor} that times what it runs on the FX thread: the view model's feed
 * batches ({@link #onUiThread}) and its background tasks' callbacks (the initial load).
 */
final class TimedTaskExecutor implements TaskExecutor {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final TaskExecutor delegate;

    private final FxStallProbe.Samples uiActions = new FxStallProbe.Samples();
    private final FxStallProbe.Samples uiActionsCpu = new FxStallProbe.Samples();
    private final FxStallProbe.Samples callbacks = new FxStallProbe.Samples();

    TimedTaskExecutor(TaskExecutor delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> TaskHandle execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return delegate.execute(work, result -> timed(callbacks, null, () -> onSuccess.accept(result)), onFailure);
    }

    @Override
    public void onUiThread(Runnable action) {
        delegate.onUiThread(() -> timed(uiActions, uiActionsCpu, action));
    }

    @Override
    public TaskHandle schedule(Duration delay, Runnable action) {
        return delegate.schedule(delay, () -> timed(callbacks, null, action));
    }

    private static void timed(FxStallProbe.Samples samples, FxStallProbe.Samples cpu, Runnable action) {
        long cpuStart = cpu == null ? 0 : THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        try {
            action.run();
        } finally {
            samples.add((System.nanoTime() - start) / 1e6);
            if (cpu != null) {
                cpu.add((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6);
            }
        }
    }

    /** Wall milliseconds per feed batch applied on the FX thread; read and reset there. */
    double[] takeUiActions() {
        double[] values = uiActions.toArray();
        uiActions.clear();
        return values;
    }

    /** CPU milliseconds of the FX thread per feed batch (same order); read and reset there. */
    double[] takeUiActionsCpu() {
        double[] values = uiActionsCpu.toArray();
        uiActionsCpu.clear();
        return values;
    }

    /** Milliseconds per background-task callback on the FX thread; read and reset there. */
    double[] takeCallbacks() {
        double[] values = callbacks.toArray();
        callbacks.clear();
        return values;
    }
}
