package org.jobdeck.queue.store;

import java.time.Clock;
import java.time.ZoneOffset;
import org.jobdeck.core.schedule.Schedule;
import org.jobdeck.core.schedule.ScheduleDefaults;
import org.jobdeck.core.schedule.ScheduleDocument;
import org.jobdeck.core.schedule.ScheduleReader;
import org.jobdeck.queue.QueueException;

/** Reads a stored definition back: every field is stored, so no default is ever taken. */
final class StoredSchedules {
    /** Never used: a stored definition names its zone and its pause's author and time. */
    private static final ScheduleDefaults NONE = ScheduleDefaults.of("jobdeck", Clock.system(ZoneOffset.UTC));

    private StoredSchedules() {
    }

    static Schedule read(String name, String definition) {
        ScheduleDocument document = ScheduleReader.parseOne(definition, "schedule " + name, NONE);
        if (!document.isValid()) {
            throw new QueueException("The stored schedule " + name + " cannot be read: "
                    + document.problems().get(0).message());
        }
        return document.schedules().get(0);
    }
}
