package org.jobdeck.queue.worker;

import org.jobdeck.queue.TestDatabases;
import org.jobdeck.queue.store.DatabaseUrl;

class H2WorkerPoolTest extends WorkerPoolContract {
    @Override
    protected DatabaseUrl freshDatabase() {
        return TestDatabases.h2();
    }
}
