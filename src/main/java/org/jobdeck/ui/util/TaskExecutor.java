package org.jobdeck.ui.util;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and delivers its result on it. ViewModels take one of these, so
 * the FX thread never does I/O or layout, and tests swap in {@link DirectTaskExecutor} to run
 * everything synchronously without a toolkit. (No {@code new Thread()} and no bare
 * {@code Platform.runLater} outside this package.)
 */
public interface TaskExecutor {
    /**
     * Runs {@code work} in the background, then one of the callbacks on the UI thread.
     *
     * @return a handle that gives the work up, callbacks and all
     */
    <T> TaskHandle execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs an action on the UI thread (at once, if already there). */
    void onUiThread(Runnable action);

    /** Runs an action on the UI thread once {@code delay} has passed; the handle calls it off. */
    TaskHandle schedule(Duration delay, Runnable action);

    /**
     * A throttle for work that many events ask for but that needs doing only once for all of
     * those that came while it ran: see {@link Throttler}.
     *
     * @param delay the least time between the end of one run and the start of the next
     */
    default Throttler createThrottler(Duration delay) {
        return new Throttler(this, delay);
    }
}
