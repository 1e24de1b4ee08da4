package org.jobdeck.queue;

import java.time.Instant;

/**
 * One fire record of a schedule: a slot and what became of it.
 *
 * @param batchId   the batch it enqueued, for ENQUEUED
 * @param reason    why it was skipped or failed; null otherwise
 * @param slotCount how many slots the record stands for (many, for a long downtime's misses)
 * @param lastSlot  the last of those slots, when there are several
 * @param manual    a run by hand (its slot is the moment it was asked for), not a slot of the cron
 */
public record ScheduleFire(String schedule, Instant slot, Instant firedAt, FireOutcome outcome, String batchId,
                           String reason, long slotCount, Instant lastSlot, boolean manual) {
}
