package org.jobdeck.queue;

import org.jobdeck.queue.store.DatabaseUrl;

class H2ConcurrencyTest extends ConcurrencyContract {
    @Override
    protected DatabaseUrl freshDatabase() {
        return TestDatabases.h2();
    }
}
