package org.jobdeck.ui.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Work and scheduled actions return handles that give them up, callbacks and all. */
class TaskHandleTest {
    private final List<String> delivered = new ArrayList<>();

    @Test
    void cancelledWorkDeliversNothingAndTheHandleSaysItIsDone() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        TaskHandle handle = executor.execute(() -> "result", delivered::add, error -> delivered.add("failed"));

        assertThat(handle.isDone()).isFalse();
        assertThat(handle.cancel()).isTrue();
        executor.finishNext();

        assertThat(delivered).isEmpty();
        assertThat(handle.isDone()).isTrue();
        assertThat(handle.cancel()).isFalse();
    }

    @Test
    void workThatDeliveredCannotBeCancelled() {
        TaskHandle handle = new DirectTaskExecutor().execute(() -> "result", delivered::add, error -> { });

        assertThat(delivered).containsExactly("result");
        assertThat(handle.isDone()).isTrue();
        assertThat(handle.cancel()).isFalse();
    }

    @Test
    void aScheduledActionPostedFromAnotherThreadWaitsForTheUiThreadAndCanBeCalledOff() throws Exception {
        DirectTaskExecutor executor = new DirectTaskExecutor();
        TaskHandle[] handles = new TaskHandle[2];
        Thread feed = new Thread(() -> {
            handles[0] = executor.schedule(Duration.ofSeconds(1), () -> delivered.add("kept"));
            handles[1] = executor.schedule(Duration.ofSeconds(1), () -> delivered.add("called off"));
        });
        feed.start();
        feed.join(TimeUnit.SECONDS.toMillis(10));

        handles[1].cancel();
        executor.runPending();

        assertThat(delivered).containsExactly("kept");
    }
}
