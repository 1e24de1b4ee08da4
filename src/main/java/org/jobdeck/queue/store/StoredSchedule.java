package org.jobdeck.queue.store;

import java.time.Instant;
import org.jobdeck.core.schedule.Schedule;

/**
 * A schedule as stored.
 *
 * @param since            slots before it are not this definition's (created, resumed or redefined then)
 * @param lastFingerprint  the only-if-changed probe's result at the last enqueue, or null
 * @param fingerprintBatch the batch enqueued with that result, or null
 */
public record StoredSchedule(Schedule schedule, Instant since, String lastFingerprint, String fingerprintBatch) {
}
