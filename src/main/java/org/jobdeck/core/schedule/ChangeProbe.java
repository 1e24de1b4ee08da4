package org.jobdeck.core.schedule;

import java.time.Duration;

/**
 * A schedule's "only if changed" condition: a probe whose result (the fingerprint) is compared
 * with the one recorded at the schedule's last enqueue. An unchanged fingerprint skips the slot
 * ("unchanged since batch 41"); a probe that fails is recorded with its error and the slot is
 * skipped, never enqueued blindly. Running a probe is the storage layer's work; these are its
 * checked definitions.
 */
public sealed interface ChangeProbe permits SqlProbe, CommandProbe {
    /** What a probe may take when none is given. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** The longest a probe may take: it runs on the path that fires a slot. */
    Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    /** How long the probe may run before it counts as failed. */
    Duration timeout();

    /** The probe in one line, for lists: "sql: SELECT count(*) …", "command: git rev-parse HEAD". */
    String summary();

    static Duration checkTimeout(Duration timeout) {
        if (timeout == null) {
            return DEFAULT_TIMEOUT;
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0
                || timeout.getNano() != 0) {
            String given = timeout.getNano() == 0 ? timeout.toSeconds() + " s" : timeout.toString();
            throw new ScheduleException(ScheduleField.CONDITION, "Invalid condition timeout "
                    + given + ": use 1 to " + MAX_TIMEOUT.toSeconds() + " whole seconds");
        }
        return timeout;
    }
}
