package org.jobdeck.core.schedule;

import java.time.Instant;

/**
 * Why a schedule is paused: who paused it, when, and their reason. A paused schedule fires no
 * slot; how its slots are recorded while paused is the storage layer's rule.
 *
 * @param by     who paused it: a user name, "apply" for a schedule file, never blank
 * @param at     when
 * @param reason why, or null; a blank reason is stored as null
 */
public record Pause(String by, Instant at, String reason) {
    /** @throws ScheduleException (field {@link ScheduleField#PAUSE}) without who or when */
    public Pause {
        if (by == null || by.isBlank()) {
            throw new ScheduleException(ScheduleField.PAUSE, "Invalid pause: say who paused the schedule");
        }
        if (at == null) {
            throw new ScheduleException(ScheduleField.PAUSE, "Invalid pause: say when the schedule was paused");
        }
        reason = reason == null || reason.isBlank() ? null : reason;
    }
}
