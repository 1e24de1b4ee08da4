package org.jobdeck.queue.store;

import org.jobdeck.queue.TestDatabases;

class PostgresQueueTest extends QueueContract {
    @Override
    protected DatabaseUrl freshDatabase() {
        return TestDatabases.postgres();
    }
}
