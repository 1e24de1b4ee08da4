package org.jobdeck.queue.worker;

import org.jobdeck.queue.TestDatabases;
import org.jobdeck.queue.store.DatabaseUrl;

class PostgresWorkerPoolTest extends WorkerPoolContract {
    @Override
    protected DatabaseUrl freshDatabase() {
        return TestDatabases.postgres();
    }
}
