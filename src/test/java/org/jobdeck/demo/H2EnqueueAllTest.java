package org.jobdeck.demo;

import org.jobdeck.queue.TestDatabases;
import org.jobdeck.queue.store.DatabaseUrl;

class H2EnqueueAllTest extends EnqueueAllContract {
    @Override
    protected DatabaseUrl freshDatabase() {
        return TestDatabases.h2();
    }
}
