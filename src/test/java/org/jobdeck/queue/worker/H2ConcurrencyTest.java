package org.jobdeck.queue.worker;

import org.jobdeck.queue.TestDatabases;
import org.jobdeck.queue.store.DatabaseUrl;

class H2ConcurrencyTest extends ConcurrencyContract {
    @Override
    protected DatabaseUrl freshDatabase() {
        return TestDatabases.h2();
    }
}
