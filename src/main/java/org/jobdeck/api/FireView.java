package org.jobdeck.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One fire record of a schedule, as {@code schedule history --json} and REST show it:
 * {@code {"slot","firedAt","outcome":"enqueued|skipped|missed|failed","batchId"?,"reason"?}}.
 * Times are ISO-8601 instants.
 *
 * @param slotCount how many slots the record stands for, when more than one (a long downtime)
 * @param lastSlot  the last of them
 * @param manual    true for a run by hand
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FireView(String slot, String firedAt, String outcome, String batchId, String reason, Long slotCount,
                       String lastSlot, Boolean manual) {
}
