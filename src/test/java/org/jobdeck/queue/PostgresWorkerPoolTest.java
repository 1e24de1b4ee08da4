package org.jobdeck.queue;

import org.jobdeck.queue.store.DatabaseUrl;

class PostgresWorkerPoolTest extends WorkerPoolContract {
    @Override
    protected DatabaseUrl freshDatabase() {
        return TestDatabases.postgres();
    }
}
