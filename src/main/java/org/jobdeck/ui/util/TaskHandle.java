package org.jobdeck.ui.util;

/**
 * Background work as {@link TaskExecutor} started it, or an action it scheduled. Use it on the
 * UI thread.
 */
public interface TaskHandle {
    /**
     * Gives the work up: it does not start if it has not, and its callbacks never run. Work that
     * has started runs to its end (an interrupt could break the database connection it holds),
     * and its outcome is dropped.
     *
     * @return false when the outcome was delivered already (or the work given up before)
     */
    boolean cancel();

    /** True once the outcome was delivered, or the work given up. */
    boolean isDone();
}
