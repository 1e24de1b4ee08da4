package org.jobdeck.queue;

import org.jobdeck.queue.store.DatabaseUrl;

class PostgresConcurrencyTest extends ConcurrencyContract {
    @Override
    protected DatabaseUrl freshDatabase() {
        return TestDatabases.postgres();
    }
}
