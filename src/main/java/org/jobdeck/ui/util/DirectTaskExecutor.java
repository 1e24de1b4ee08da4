package org.jobdeck.ui.util;

import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * For ViewModel tests without a toolkit: work and callbacks run at once on the calling thread.
 * The thread that created the executor plays the UI thread: actions posted from other threads
 * (a subscription's, say) wait in a queue until that thread calls {@link #runPending()}, so
 * properties are only ever touched by one thread, as on the real FX thread.
 */
public final class DirectTaskExecutor implements TaskExecutor {
    private final Thread uiThread = Thread.currentThread();
    private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();

    @Override
    public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Throwable e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Thread.currentThread() == uiThread) {
            action.run();
        } else {
            pending.add(action);
        }
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
