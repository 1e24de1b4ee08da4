package org.jobdeck.ui.util;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * An executor whose work and delays wait until the test lets them go, so that work can be "in
 * flight" while the test submits more. Everything runs on the test's thread.
 */
final class ManualTaskExecutor implements TaskExecutor {
    private final Deque<Runnable> work = new ArrayDeque<>();
    private final List<Duration> delays = new ArrayList<>();
    private final Deque<Runnable> timers = new ArrayDeque<>();

    @Override
    public <T> TaskHandle execute(Callable<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        PendingTask handle = new PendingTask();
        work.add(() -> {
            T result;
            try {
                result = task.call();
            } catch (Exception e) {
                if (handle.claim()) {
                    onFailure.accept(e);
                }
                return;
            }
            if (handle.claim()) {
                onSuccess.accept(result);
            }
        });
        return handle;
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    @Override
    public TaskHandle schedule(Duration delay, Runnable action) {
        PendingTask handle = new PendingTask();
        delays.add(delay);
        timers.add(() -> {
            if (handle.claim()) {
                action.run();
            }
        });
        return handle;
    }

    /** Runs the oldest work that was started and delivers its outcome. */
    void finishNext() {
        work.remove().run();
    }

    int workWaiting() {
        return work.size();
    }

    /** Lets the oldest delay pass. */
    void passDelay() {
        timers.remove().run();
    }

    List<Duration> delays() {
        return delays;
    }
}
