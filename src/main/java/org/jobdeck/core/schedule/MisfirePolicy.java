package org.jobdeck.core.schedule;

import java.util.Locale;

/**
 * What a schedule does about slots at which no Jobdeck process was running (a misfire), once a
 * process looks again. Under either policy every missed slot that is not fired is recorded as
 * {@code missed}; {@link DueSlots#reckon} does the arithmetic.
 */
public enum MisfirePolicy {
    /**
     * One catch-up fire for all the slots missed within the grace period, recorded under the
     * latest of them; slots older than the grace period are only recorded as missed. The default.
     */
    ONCE,
    /** No catch-up: every missed slot is recorded as missed, and the next slot fires as usual. */
    SKIP;

    /** The lowercase name used in JSON and on the command line: "once", "skip". */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws ScheduleException (field {@link ScheduleField#MISFIRE}) for anything else */
    public static MisfirePolicy fromWire(String text) {
        for (MisfirePolicy policy : values()) {
            if (policy.wireName().equals(text)) {
                return policy;
            }
        }
        throw new ScheduleException(ScheduleField.MISFIRE,
                "Invalid misfire policy \"" + text + "\": use once or skip");
    }
}
