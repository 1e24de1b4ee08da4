package org.jobdeck.ui.util;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real executor: a small daemon pool for work, a timer thread for delays, and
 * {@link Platform#runLater} for results. Work that fails is logged (at debug, with its stack
 * trace: {@code --verbose} shows it) before its callback hears of it, and a callback that throws
 * is logged as an error: on the FX thread it would otherwise reach no one who reads logs.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);
    private static final int WORKERS = 4;

    private final ExecutorService pool;
    private final ScheduledExecutorService timer;

    public FxTaskExecutor() {
        this.pool = Executors.newFixedThreadPool(WORKERS, daemons("jobdeck-ui-task-"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemons("jobdeck-ui-timer-"));
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public <T> TaskHandle execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        PendingTask task = new PendingTask();
        try {
            task.attach(pool.submit(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Throwable e) {
                    LOG.debug("Background work failed", e);
                    deliver(task, () -> onFailure.accept(e));
                    return;
                }
                deliver(task, () -> onSuccess.accept(result));
            }));
        } catch (RejectedExecutionException e) {
            LOG.debug("Background work refused: the executor is closed", e);
            task.cancel();
        }
        return task;
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public TaskHandle schedule(Duration delay, Runnable action) {
        PendingTask task = new PendingTask();
        try {
            task.attach(timer.schedule(() -> deliver(task, action), delay.toNanos(), TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException e) {
            LOG.debug("Scheduled action refused: the executor is closed", e);
            task.cancel();
        }
        return task;
    }

    private static void deliver(PendingTask task, Runnable callback) {
        try {
            Platform.runLater(() -> {
                if (!task.claim()) {
                    return; // cancelled
                }
                try {
                    callback.run();
                } catch (RuntimeException | Error e) {
                    LOG.error("A background task's callback failed", e);
                }
            });
        } catch (IllegalStateException e) {
            LOG.warn("A background task ended after the FX toolkit stopped; its outcome is dropped", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pool.shutdownNow();
    }
}
