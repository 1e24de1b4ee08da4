package org.jobdeck.queue;

import org.jobdeck.queue.store.DatabaseUrl;

class H2QueueTest extends QueueContract {
    @Override
    protected DatabaseUrl freshDatabase() {
        return TestDatabases.h2();
    }
}
