package org.jobdeck.ui.util;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Work that many events ask for, such as reloading counts on every change, done at most once at
 * a time. A submission to an idle throttler starts at once. One made while work runs waits, and
 * replaces any that waited before it: the newest one asks for everything the others did. It
 * starts {@code delay} after the running work ends, however it ended. UI thread only.
 *
 * <pre>{@code
 * Throttler counts = executor.createThrottler(Duration.ofMillis(250));
 * api.subscribe(changes -> executor.onUiThread(() -> counts.submit(api::counts, this::show, this::fail)));
 * }</pre>
 */
public final class Throttler {
    private final TaskExecutor executor;
    private final Duration delay;
    /** Started work, or the pause before the waiting submission; null when idle. */
    private TaskHandle current;
    private boolean busy;
    private Runnable waiting;

    Throttler(TaskExecutor executor, Duration delay) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.delay = Objects.requireNonNull(delay, "delay");
    }

    /** Runs {@code work} now if nothing runs, else after what runs (unless a newer submission comes). */
    public <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Runnable start = () -> current = executor.execute(work, result -> {
            onSuccess.accept(result);
            ended();
        }, error -> {
            onFailure.accept(error);
            ended();
        });
        if (busy) {
            waiting = start;
            return;
        }
        busy = true;
        start.run();
    }

    /** True while work runs, or a submission waits for its turn. */
    public boolean isBusy() {
        return busy;
    }

    /** Gives up the running work and the waiting submission; neither's callbacks run. */
    public void cancel() {
        waiting = null;
        busy = false;
        if (current != null) {
            current.cancel();
            current = null;
        }
    }

    private void ended() {
        Runnable next = waiting;
        waiting = null;
        if (next == null) {
            busy = false;
            current = null;
            return;
        }
        current = executor.schedule(delay, next);
    }
}
