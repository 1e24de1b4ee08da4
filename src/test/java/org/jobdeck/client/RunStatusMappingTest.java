package org.jobdeck.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jobdeck.api.RunStatus;
import org.jobdeck.queue.RunState;
import org.junit.jupiter.api.Test;

/**
 * The api's run states are the queue's, seen from the faces: the same names, and the faces offer
 * cancel and retry exactly where the queue's table allows them.
 */
class RunStatusMappingTest {

    @Test
    void theApiAndTheQueueNameTheSameStatesInTheSameOrder() {
        assertThat(Arrays.stream(RunStatus.values()).map(RunStatus::name))
                .containsExactlyElementsOf(Arrays.stream(RunState.values()).map(RunState::name).toList());
        for (RunState state : RunState.values()) {
            assertThat(RunViews.status(state).wireName()).isEqualTo(state.wireName());
            assertThat(RunViews.status(state).isSettled()).isEqualTo(state.isSettled());
        }
    }

    @Test
    void cancelIsOfferedWhereTheQueueCanMoveARunToCancelled() {
        assertThat(statesWhere(RunStatus::canCancel)).isEqualTo(RunState.sourcesOf(RunState.CANCELLED));
    }

    @Test
    void retryIsOfferedForTheRunsThatEndedBadly() {
        Set<RunState> retryable = statesWhere(RunStatus::canRetry);

        assertThat(retryable).isEqualTo(Arrays.stream(RunState.values()).filter(RunState::blocksDownstream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RunState.class))));
        assertThat(retryable).allSatisfy(state -> assertThat(state.canMoveTo(RunState.QUEUED)).isTrue());
    }

    private static Set<RunState> statesWhere(Predicate<RunStatus> rule) {
        return Arrays.stream(RunState.values()).filter(state -> rule.test(RunViews.status(state)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RunState.class)));
    }
}
