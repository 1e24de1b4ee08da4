package org.jobdeck.queue.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jobdeck.queue.Run;

/**
 * What H2 and PostgreSQL do differently, as behaviour: each database's own claim, group success
 * and change feed, its clock and its change stamps, its id sequences. Everything else is written
 * once. {@link PortableDialect} holds the ways that work on both; {@link PostgresDialect}
 * replaces them with single statements where PostgreSQL has them ({@code UPDATE … RETURNING},
 * arrays).
 */
public interface Dialect {
    Dialect H2 = new H2Dialect();
    Dialect POSTGRESQL = new PostgresDialect();

    /** {@code base} claiming and recording the portable way (statements H2 has too), for compatibility tests. */
    static Dialect portable(Dialect base) {
        return new PortableVariant(base);
    }

    String name();

    /** Where this database's own migrations live, beside the shared ones. */
    String migrations();

    /** A query returning {@code ?} fresh values of a sequence, one per row. */
    String nextValues(String sequence);

    /** An SQL expression for the database's clock, in epoch milliseconds. */
    String nowMillis();

    /** An SQL expression for the change stamp of the current transaction (after {@link #takeStamp}). */
    String stamp();

    /** Makes {@link #stamp()} valid in this transaction; called once, before its first change. */
    void takeStamp(Connection connection) throws SQLException;

    /**
     * Claims up to {@code claim.max()} queued runs in claim order, skipping runs other
     * transactions hold, and moves them with {@code claim.take()}.
     *
     * @return the claimed runs as they are now
     */
    List<Run> claim(Writing writing, Claim claim) throws SQLException;

    /**
     * Records these runs' successes, each fenced on its own by id, attempt and the worker's lease.
     *
     * @return the ids whose success was recorded
     */
    Set<Long> succeed(Writing writing, List<Run> runs, String workerId) throws SQLException;

    /** For each run directly downstream of {@code upstream}: how many of those it waits for. */
    Map<Long, Integer> downstreamOf(Connection connection, List<Long> upstream) throws SQLException;

    /**
     * Runs {@code insert}, unless a row with the same key (the {@code key} columns, e.g.
     * {@code "(schedule_name, slot)"}) exists or is being inserted by another transaction, which
     * then wins; true when this call inserted the row. Two processes claiming one slot: one wins,
     * the other learns it lost without an error.
     */
    boolean insertIfAbsent(Connection connection, String insert, String key, Object... values) throws SQLException;

    /** How this database reads its changes in commit order. */
    ChangeFeed changes();
}
