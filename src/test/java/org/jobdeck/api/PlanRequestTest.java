package org.jobdeck.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.jobdeck.core.plan.PlanScope;
import org.junit.jupiter.api.Test;

/** A plan request is checked where it is made, whichever backend it goes to. */
class PlanRequestTest {

    @Test
    void aGroupRequestNamesItsGroup() {
        assertThat(PlanRequest.group("feed").scope()).isEqualTo(PlanScope.GROUP);
        for (String blank : new String[] {null, "", "  "}) {
            assertThatThrownBy(() -> PlanRequest.group(blank)).isInstanceOfSatisfying(JobsApiException.class,
                    e -> assertThat(e.code()).isEqualTo(JobsApiException.Code.INVALID_REQUEST))
                    .hasMessage("Name a group to plan");
        }
    }

    @Test
    void aRequestWithoutAScopeSaysWhichScopesThereAre() {
        assertThatThrownBy(() -> new PlanRequest(null, "feed", List.of())).isInstanceOf(JobsApiException.class)
                .hasMessage("Unknown scope: none (use all, group or jobs)");
        assertThatThrownBy(() -> EnqueueRequest.of(null, "ops")).isInstanceOf(JobsApiException.class)
                .hasMessage("Unknown scope: none (use all, group or jobs)");
    }

    /** Keys are bound to fingerprints for 24 hours: the typed scope must not change them. */
    @Test
    void fingerprintsAreTheSameAsWhenTheScopeWasAString() {
        assertThat(new EnqueueRequest(PlanRequest.group("feed"), Map.of("feed-presort", Map.of("userId", 8)), "ops",
                null).fingerprint()).isEqualTo("f063777b6cd29756c168e6493287cd4454c1c8d617dc0ea71999d8ee975d5cb2");
        assertThat(EnqueueRequest.of(PlanRequest.all(), "alice (console)").fingerprint())
                .isEqualTo("8aa880551586769a5f9f7e3998d0736147308511b86c28916cd95f3259da48cd");
        assertThat(EnqueueRequest.of(PlanRequest.jobs(List.of("trending", "affinity")), "rest").fingerprint())
                .isEqualTo("c6e60c4cc4873825a667eb3825e3cb9d157c6dafa32e2e94865e0da634f0ce37");
    }
}
