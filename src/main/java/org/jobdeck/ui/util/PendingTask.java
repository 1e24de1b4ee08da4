package org.jobdeck.ui.util;

import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one {@link TaskHandle}: open until its outcome is delivered or it is cancelled, whichever
 * comes first. Both happen on the UI thread, so once {@link #cancel()} returns no callback runs.
 */
final class PendingTask implements TaskHandle {
    private final AtomicBoolean open = new AtomicBoolean(true);
    private volatile Future<?> future;

    /** The work's future, so that a cancel keeps queued work from starting. */
    void attach(Future<?> started) {
        future = started;
        if (!open.get()) {
            started.cancel(false);
        }
    }

    /** Takes the right to deliver the outcome: false when the task was cancelled. */
    boolean claim() {
        return open.compareAndSet(true, false);
    }

    @Override
    public boolean cancel() {
        if (!open.compareAndSet(true, false)) {
            return false;
        }
        Future<?> started = future;
        if (started != null) {
            started.cancel(false);
        }
        return true;
    }

    @Override
    public boolean isDone() {
        return !open.get();
    }
}
