package org.jobdeck.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Run states in the api: lowercase on the wire both ways, and what an operator may do in each. */
class RunStatusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunView view(RunStatus state) {
        return new RunView("7", "trending", "feed", state, 1, 3, "2", 1, List.of(), Map.of(), null, null, null,
                null, "queued: ready to run", null, new RunView.Progress(0, 0, null), 4);
    }

    @Test
    void aRunViewWritesItsStateInLowercaseAndReadsItBack() throws Exception {
        String json = JSON.writeValueAsString(view(RunStatus.QUEUED));

        assertThat(JSON.readTree(json).get("state").asText()).isEqualTo("queued");
        assertThat(JSON.readTree(json).has("settled")).as("a derived value, not a field").isFalse();
        assertThat(JSON.readValue(json, RunView.class)).isEqualTo(view(RunStatus.QUEUED));
    }

    @Test
    void everyStateHasItsLowercaseNameOnTheWireAndInText() throws Exception {
        for (RunStatus state : RunStatus.values()) {
            assertThat(JSON.writeValueAsString(state)).isEqualTo("\"" + state.name().toLowerCase() + "\"");
            assertThat(JSON.readValue("\"" + state.wireName() + "\"", RunStatus.class)).isEqualTo(state);
            assertThat("now " + state).isEqualTo("now " + state.wireName());
        }
    }

    @Test
    void parsingNamesTheValidStatesWhenItFails() {
        assertThat(RunStatus.parse(" Failed ")).isEqualTo(RunStatus.FAILED);
        assertThatThrownBy(() -> RunStatus.parse("done")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown run state: done (states: waiting, queued, running, succeeded, failed,"
                        + " cancelled, blocked)");
    }

    @Test
    void activeRunsAndBlockedOnesCanBeCancelledAndRunsThatEndedBadlyRetried() {
        assertThat(Arrays.stream(RunStatus.values()).filter(RunStatus::isActive))
                .containsExactly(RunStatus.WAITING, RunStatus.QUEUED, RunStatus.RUNNING);
        assertThat(Arrays.stream(RunStatus.values()).filter(RunStatus::isSettled))
                .containsExactly(RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.CANCELLED, RunStatus.BLOCKED);
        assertThat(Arrays.stream(RunStatus.values()).filter(RunStatus::canCancel))
                .containsExactly(RunStatus.WAITING, RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.BLOCKED);
        assertThat(Arrays.stream(RunStatus.values()).filter(RunStatus::canRetry))
                .containsExactly(RunStatus.FAILED, RunStatus.CANCELLED);
    }
}
