package org.jobdeck.ui.util;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * For ViewModel tests without a toolkit: work and callbacks run at once on the calling thread.
 * The thread that created the executor plays the UI thread: actions posted from other threads
 * (a subscription's, say) wait in a queue until that thread calls {@link #runPending()}, so
 * properties are only ever touched by one thread, as on the real FX thread.
 *
 * <p>Time does not pass here: a scheduled action runs at once on the UI thread (so a
 * {@link Throttler} runs what waited as soon as the work before it ends), and the handles it
 * returns are done by the time a test sees them. A callback that throws fails the test.
 */
public final class DirectTaskExecutor implements TaskExecutor {
    private final Thread uiThread = Thread.currentThread();
    private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();

    @Override
    public <T> TaskHandle execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        PendingTask task = new PendingTask();
        T result;
        try {
            result = work.call();
        } catch (Throwable e) {
            task.claim();
            onFailure.accept(e);
            return task;
        }
        task.claim();
        onSuccess.accept(result);
        return task;
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Thread.currentThread() == uiThread) {
            action.run();
        } else {
            pending.add(action);
        }
    }

    @Override
    public TaskHandle schedule(Duration delay, Runnable action) {
        PendingTask task = new PendingTask();
        onUiThread(() -> {
            if (task.claim()) {
                action.run();
            }
        });
        return task;
    }

    /** Runs what other threads posted; returns how many actions ran. */
    public int runPending() {
        int ran = 0;
        for (Runnable action; (action = pending.poll()) != null; ran++) {
            action.run();
        }
        return ran;
    }
}
