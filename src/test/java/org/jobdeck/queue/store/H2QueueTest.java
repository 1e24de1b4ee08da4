package org.jobdeck.queue.store;

import org.jobdeck.queue.TestDatabases;

class H2QueueTest extends QueueContract {
    @Override
    protected DatabaseUrl freshDatabase() {
        return TestDatabases.h2();
    }
}
