package org.jobdeck.queue.schedule;

import org.jobdeck.queue.TestDatabases;
import org.jobdeck.queue.store.DatabaseUrl;

class H2ScheduleTest extends ScheduleContract {
    @Override
    protected DatabaseUrl freshDatabase() {
        return TestDatabases.h2();
    }
}
