package org.jobdeck.ui.util;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and delivers its result on it. ViewModels take one of these, so
 * the FX thread never does I/O or layout, and tests swap in {@link DirectTaskExecutor} to run
 * everything synchronously without a toolkit. (No {@code new Thread()} and no bare
 * {@code Platform.runLater} outside this package.)
 */
public interface TaskExecutor {
    /** Runs {@code work} in the background, then one of the callbacks on the UI thread. */
    <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs an action on the UI thread (at once, if already there). */
    void onUiThread(Runnable action);
}
