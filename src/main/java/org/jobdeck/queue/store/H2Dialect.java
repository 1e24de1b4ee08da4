package org.jobdeck.queue.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * H2 2.x. It has no {@code UPDATE … RETURNING} and no array parameters, so it claims and records
 * the portable way. Its change stamps come from a one-row counter that a changing transaction
 * increments (and so locks) until it commits: stamps are therefore taken in commit order, and a
 * reader that has seen stamp n has seen every stamp below it. H2 serialises its commits anyway.
 */
final class H2Dialect extends PortableDialect {
    private final ChangeFeed changes = new H2ChangeFeed();

    @Override
    public String name() {
        return "H2";
    }

    @Override
    public String migrations() {
        return "h2";
    }

    @Override
    public String nextValues(String sequence) {
        return "SELECT NEXT VALUE FOR " + sequence + " FROM SYSTEM_RANGE(1, ?)";
    }

    /** CURRENT_TIMESTAMP is the time the statement (in autocommit) or transaction began. */
    @Override
    public String nowMillis() {
        return "CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)";
    }

    @Override
    public String stamp() {
        return "@jd_stamp";
    }

    @Override
    public void takeStamp(Connection connection) throws SQLException {
        Sql.update(connection, "SET @jd_stamp = (SELECT stamp FROM FINAL TABLE"
                + " (UPDATE jd_change_counter SET stamp = stamp + 1 WHERE id = 1))");
    }

    @Override
    public ChangeFeed changes() {
        return changes;
    }
}
