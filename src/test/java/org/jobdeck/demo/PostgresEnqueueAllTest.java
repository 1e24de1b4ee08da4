package org.jobdeck.demo;

import org.jobdeck.queue.TestDatabases;
import org.jobdeck.queue.store.DatabaseUrl;

class PostgresEnqueueAllTest extends EnqueueAllContract {
    @Override
    protected DatabaseUrl freshDatabase() {
        return TestDatabases.postgres();
    }
}
