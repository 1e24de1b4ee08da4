package org.jobdeck.queue.schedule;

import org.jobdeck.queue.TestDatabases;
import org.jobdeck.queue.store.DatabaseUrl;

class PostgresScheduleTest extends ScheduleContract {
    @Override
    protected DatabaseUrl freshDatabase() {
        return TestDatabases.postgres();
    }
}
