package org.jobdeck.queue.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One transaction that changes runs, as its statements are written. Every visible change of a
 * run sets {@link #touched()}: a new version, the time, and the transaction's change stamp, by
 * which the change feed reads changes in commit order. The stamp is taken when the first
 * statement asks for it, so a transaction that turns out to change nothing (an empty claim)
 * takes none; on H2 taking one waits for the transaction before it to commit.
 */
final class Writing {
    private final Connection connection;
    private final StoreContext store;
    private boolean stamped;

    Writing(Connection connection, StoreContext store) {
        this.connection = connection;
        this.store = store;
    }

    Connection connection() {
        return connection;
    }

    /** An SQL expression for now (epoch ms), by the store's clock: the database's in production. */
    String now() {
        return store.time.now();
    }

    Dialect dialect() {
        return store.dialect;
    }

    Database database() {
        return store.database;
    }

    /** {@code version = version + 1, updated_at = NOW, change_stamp = STAMP}, for an UPDATE's SET. */
    String touched() throws SQLException {
        return "version = version + 1, updated_at = " + now() + ", change_stamp = " + stamp();
    }

    /** An SQL expression for this transaction's change stamp (taken now if not yet). */
    String stamp() throws SQLException {
        if (!stamped) {
            store.dialect.takeStamp(connection);
            stamped = true;
        }
        return store.dialect.stamp();
    }

    /** Whether this transaction changed a run (took a stamp). */
    boolean changed() {
        return stamped;
    }
}
