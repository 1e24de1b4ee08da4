package org.jobdeck.queue.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClaimBudgetTest {
    @Test
    void longRunsAreNeverClaimedAhead() {
        assertThat(ClaimBudget.capacity(4, 50)).isEqualTo(4);
        assertThat(ClaimBudget.capacity(4, 60_000)).isEqualTo(4);
        assertThat(ClaimBudget.claimable(4, 200, 3, 0)).isEqualTo(1);
    }

    @Test
    void shortRunsAreClaimedAheadByAboutTenMillisecondsOfWorkPerThread() {
        assertThat(ClaimBudget.capacity(4, 20)).as("half a run's worth: still one run ahead").isEqualTo(8);
        assertThat(ClaimBudget.capacity(4, 5)).as("two runs ahead per thread").isEqualTo(12);
        assertThat(ClaimBudget.capacity(4, 1)).as("ten runs' worth, capped").isEqualTo(36);
        assertThat(ClaimBudget.capacity(4, 0.01)).as("at most eight ahead per thread").isEqualTo(36);
        assertThat(ClaimBudget.capacity(1, 0)).isEqualTo(9);
    }

    @Test
    void whatIsHeldCountsAgainstTheBudget() {
        assertThat(ClaimBudget.claimable(4, 5, 12, 0)).isZero();
        assertThat(ClaimBudget.claimable(4, 5, 13, 0)).as("never negative").isZero();
        assertThat(ClaimBudget.claimable(4, 5, 2, 0)).isEqualTo(10);
    }

    @Test
    void nothingIsClaimedWhileAFullGroupOfSuccessesIsUnwritten() {
        assertThat(ClaimBudget.claimable(16, 0.01, 0, SuccessRecorder.MAX_GROUP - 1)).isEqualTo(144);
        assertThat(ClaimBudget.claimable(16, 0.01, 0, SuccessRecorder.MAX_GROUP)).isZero();
    }
}
