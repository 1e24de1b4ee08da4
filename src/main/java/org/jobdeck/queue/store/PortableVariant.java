package org.jobdeck.queue.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A database's dialect with the portable claims and successes instead of its own: its clock, its
 * stamps and its change feed are kept. The compatibility test runs the queue's contract this way
 * on PostgreSQL, so the path H2 takes is proven on both databases (as db-scheduler's generic
 * compatibility test proves its own).
 */
final class PortableVariant extends PortableDialect {
    private final Dialect base;

    PortableVariant(Dialect base) {
        this.base = base;
    }

    @Override
    public String name() {
        return base.name() + " (portable)";
    }

    @Override
    public String migrations() {
        return base.migrations();
    }

    @Override
    public String nextValues(String sequence) {
        return base.nextValues(sequence);
    }

    @Override
    public String nowMillis() {
        return base.nowMillis();
    }

    @Override
    public String stamp() {
        return base.stamp();
    }

    @Override
    public void takeStamp(Connection connection) throws SQLException {
        base.takeStamp(connection);
    }

    @Override
    public boolean insertIfAbsent(Connection connection, String insert, String key, Object... values)
            throws SQLException {
        return base.insertIfAbsent(connection, insert, key, values);
    }

    @Override
    public ChangeFeed changes() {
        return base.changes();
    }
}
