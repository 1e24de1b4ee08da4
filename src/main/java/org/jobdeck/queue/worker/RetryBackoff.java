package org.jobdeck.queue.worker;

import java.util.random.RandomGenerator;

/**
 * The delay before attempt n+1: the job's base delay doubled for each attempt already made,
 * with ±25% jitter so that runs that failed together do not retry together, capped at an hour.
 * A base of 0 retries at once.
 */
final class RetryBackoff {
    static final long CAP_MILLIS = 3_600_000;

    private RetryBackoff() {
    }

    static long delayMillis(long baseMillis, int attemptsMade, RandomGenerator random) {
        if (baseMillis <= 0) {
            return 0;
        }
        double exponential = baseMillis * Math.pow(2, Math.max(0, attemptsMade - 1));
        double jitter = 0.75 + random.nextDouble() * 0.5;
        return (long) Math.min(CAP_MILLIS, exponential * jitter);
    }
}
