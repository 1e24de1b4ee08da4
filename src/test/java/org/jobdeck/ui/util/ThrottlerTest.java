package org.jobdeck.ui.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The throttle that replaced the ViewModels' in-flight and dirty flags. */
class ThrottlerTest {
    private static final Duration PAUSE = Duration.ofMillis(250);

    private final ManualTaskExecutor executor = new ManualTaskExecutor();
    private final Throttler throttler = executor.createThrottler(PAUSE);
    private final List<String> started = new ArrayList<>();
    private final List<String> delivered = new ArrayList<>();

    private void submit(String name) {
        throttler.submit(() -> {
            started.add(name);
            return name;
        }, delivered::add, error -> delivered.add("failed: " + error.getMessage()));
    }

    private void submitFailing(String name) {
        throttler.<String>submit(() -> {
            started.add(name);
            throw new IllegalStateException(name);
        }, delivered::add, error -> delivered.add("failed: " + error.getMessage()));
    }

    @Test
    void anIdleThrottlerStartsAtOnce() {
        submit("a");

        assertThat(executor.workWaiting()).isOne();
        assertThat(throttler.isBusy()).isTrue();
        executor.finishNext();
        assertThat(delivered).containsExactly("a");
        assertThat(throttler.isBusy()).isFalse();
        assertThat(executor.delays()).isEmpty();
    }

    @Test
    void whatArrivesWhileWorkRunsIsDoneOnceAfterAPauseWithTheNewestSubmission() {
        submit("a");
        submit("b");
        submit("c");
        assertThat(executor.workWaiting()).as("one run at a time").isOne();

        executor.finishNext();
        assertThat(executor.delays()).containsExactly(PAUSE);
        assertThat(executor.workWaiting()).as("not before the pause").isZero();
        executor.passDelay();
        executor.finishNext();

        assertThat(started).containsExactly("a", "c");
        assertThat(delivered).containsExactly("a", "c");
        assertThat(throttler.isBusy()).isFalse();
    }

    @Test
    void aFailureAlsoLetsTheWaitingSubmissionRun() {
        submitFailing("a");
        submit("b");

        executor.finishNext();
        executor.passDelay();
        executor.finishNext();

        assertThat(delivered).containsExactly("failed: a", "b");
    }

    @Test
    void cancellingDropsTheRunningWorksOutcomeAndWhatWaitedAndFreesTheThrottler() {
        submit("a");
        submit("b");

        throttler.cancel();
        assertThat(throttler.isBusy()).isFalse();
        submit("c");
        executor.finishNext();
        executor.finishNext();

        assertThat(started).as("started work runs to its end").containsExactly("a", "c");
        assertThat(delivered).containsExactly("c");
        assertThat(executor.delays()).isEmpty();
    }

    @Test
    void onTheDirectExecutorTheWaitingSubmissionRunsAsSoonAsTheWorkBeforeItEnds() {
        Throttler direct = new DirectTaskExecutor().createThrottler(PAUSE);
        List<String> seen = new ArrayList<>();

        direct.submit(() -> "a", result -> {
            seen.add(result);
            direct.submit(() -> "b", seen::add, error -> { });
            seen.add("a delivered");
        }, error -> { });

        assertThat(seen).containsExactly("a", "a delivered", "b");
        assertThat(direct.isBusy()).isFalse();
    }
}
