package org.jobdeck.queue.worker;

/**
 * How many runs a pool's dispatcher claims next.
 *
 * <p>A pool holds one run per thread, and claims more ahead while recent runs are short: about
 * {@link #AHEAD_MILLIS} of work per thread, one run at least and {@link #MAX_AHEAD} at most.
 * Claiming ahead means fewer, larger claims (the database's work per run falls) and no trip to
 * the database between two short runs. Runs of {@link #SHORT_RUN_MILLIS} or more are not claimed
 * ahead, so such a run never waits in a busy pool while another process has a free thread for it.
 *
 * <p>While a full group of successes is still unwritten ({@link SuccessRecorder#MAX_GROUP}), the
 * pool claims nothing: when the database records successes more slowly than it hands out runs,
 * the recording sets the pace, instead of a backlog that grows (each unwritten success keeps its
 * run {@code running} under this worker's lease).
 */
final class ClaimBudget {
    /** Runs shorter than this on average are claimed ahead. */
    static final double SHORT_RUN_MILLIS = 50;
    /** About this much work per thread is claimed ahead… */
    static final double AHEAD_MILLIS = 10;
    /**
     * …in this many runs per thread at most. Each claim waits for its commit to reach the disk,
     * so on a durable PostgreSQL the runs a claim takes are what pays for that wait.
     */
    static final int MAX_AHEAD = 8;

    private ClaimBudget() {
    }

    /** The runs a pool of {@code threads} holds at most, given its recent handler time per run. */
    static int capacity(int threads, double recentRunMillis) {
        if (recentRunMillis >= SHORT_RUN_MILLIS) {
            return threads;
        }
        double perThread = Math.max(1, Math.min(MAX_AHEAD, AHEAD_MILLIS / Math.max(recentRunMillis, 1e-3)));
        return threads + (int) Math.round(threads * perThread);
    }

    /**
     * @param busy      runs claimed and not yet ended by their handler
     * @param unwritten successes handed to the group commit and not yet written
     * @return how many runs to claim now (0: none)
     */
    static int claimable(int threads, double recentRunMillis, int busy, int unwritten) {
        if (unwritten >= SuccessRecorder.MAX_GROUP) {
            return 0;
        }
        return Math.max(0, capacity(threads, recentRunMillis) - busy);
    }
}
