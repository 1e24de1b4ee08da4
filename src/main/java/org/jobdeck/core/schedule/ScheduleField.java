package org.jobdeck.core.schedule;

import java.util.Locale;

/**
 * The parts of a schedule an operator fills in, so a face can put a problem beside its field
 * (the console's editor) or name it (the CLI, REST).
 */
public enum ScheduleField {
    NAME, TARGET, PARAMS, CRON, ZONE, MISFIRE, GRACE, OVERLAP, CONDITION, PAUSE;

    /** The field's key in the schedule's JSON: "cron", "grace". */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
