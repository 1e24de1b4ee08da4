package org.jobdeck.queue;

import org.jobdeck.queue.store.DatabaseUrl;

class PostgresQueueTest extends QueueContract {
    @Override
    protected DatabaseUrl freshDatabase() {
        return TestDatabases.postgres();
    }
}
