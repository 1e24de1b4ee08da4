package org.jobdeck.queue;

import org.jobdeck.queue.store.Database;
import org.jobdeck.queue.store.DatabaseUrl;
import org.jobdeck.queue.store.Dialect;
import org.jobdeck.queue.store.RunStore;
import org.jobdeck.queue.store.StoreTime;

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
