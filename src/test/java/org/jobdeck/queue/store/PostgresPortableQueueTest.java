package org.jobdeck.queue.store;

import org.jobdeck.queue.TestDatabases;

/** The portable path (H2's way of claiming and recording successes) on PostgreSQL. */
class PostgresPortableQueueTest extends QueueContract {
    @Override
    protected DatabaseUrl freshDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    protected RunStore openStore(Database opened) {
        return new RunStore(opened, StoreTime.clock(clock), Dialect.portable(Dialect.POSTGRESQL));
    }
}
