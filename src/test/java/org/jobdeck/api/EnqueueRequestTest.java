package org.jobdeck.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who asked for an enqueue: the face says, and a request that names no one is the local user's. */
class EnqueueRequestTest {

    @Test
    void aRequestThatNamesNoOneWasMadeByTheUserThisProcessRunsAs() {
        String user = System.getProperty("user.name");

        assertThat(EnqueueRequest.of(PlanRequest.all(), null).requestedBy()).isEqualTo(user);
        assertThat(EnqueueRequest.of(PlanRequest.all(), "  ").requestedBy()).isEqualTo(user);
        assertThat(EnqueueRequest.of(PlanRequest.all(), "ops").requestedBy()).isEqualTo("ops");
    }

    @Test
    void theDefaultRequesterIsPartOfTheFingerprintLikeANamedOne() {
        String user = System.getProperty("user.name");

        assertThat(EnqueueRequest.of(PlanRequest.group("feed"), null).fingerprint())
                .isEqualTo(EnqueueRequest.of(PlanRequest.group("feed"), user).fingerprint())
                .isNotEqualTo(EnqueueRequest.of(PlanRequest.group("feed"), "rest").fingerprint());
    }
}
