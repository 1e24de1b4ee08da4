package org.jobdeck.queue.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.RunState;

/**
 * PostgreSQL 13 or later: a claim is one statement, a group of successes one set-based UPDATE,
 * and a change is stamped with the id of the transaction that made it, which the change feed
 * reads against snapshots ({@link PostgresChangeFeed}).
 */
class PostgresDialect extends PortableDialect {
    private final ChangeFeed changes = new PostgresChangeFeed();

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public String migrations() {
        return "postgresql";
    }

    @Override
    public String nextValues(String sequence) {
        return "SELECT nextval('" + sequence + "') FROM generate_series(1, ?)";
    }

    /** now() is the transaction's start: one instant for every statement of a transaction. */
    @Override
    public String nowMillis() {
        return "(EXTRACT(EPOCH FROM now()) * 1000)::bigint";
    }

    /** The transaction's own id (xid8, which never wraps), as a bigint. */
    @Override
    public String stamp() {
        return "pg_current_xact_id()::text::bigint";
    }

    @Override
    public void takeStamp(Connection connection) {
        // the transaction id is the stamp: nothing to take
    }

    /**
     * One statement, which walks the partial index of queued runs (V2). The LIMIT is written
     * out, not a parameter, so the planner knows it is small (with a parameter, a generic plan may
     * sort every queued run instead); ANY(ARRAY(…)) makes the update find the picked runs by key.
     */
    @Override
    public List<Run> claim(Writing writing, Claim claim) throws SQLException {
        String pick = "SELECT id FROM jd_run WHERE " + claim.ready(writing) + " ORDER BY run_after, id LIMIT "
                + claim.max() + " FOR UPDATE SKIP LOCKED";
        return RunReader.select(writing.connection(), claim.take(writing) + " WHERE id = ANY(ARRAY(" + pick
                + ")) RETURNING " + RunReader.COLUMNS, claim.workerId()).stream().sorted(Claim.ORDER).toList();
    }

    /** One statement for the group, each row fenced by its own id and attempt (two arrays, joined). */
    @Override
    public Set<Long> succeed(Writing writing, List<Run> runs, String workerId) throws SQLException {
        // In id order, so that two transactions lock the same rows in the same order.
        List<Run> ordered = runs.stream().sorted(Comparator.comparingLong(run -> Long.parseLong(run.id()))).toList();
        Long[] ids = ordered.stream().map(run -> Long.parseLong(run.id())).toArray(Long[]::new);
        Integer[] attempts = ordered.stream().map(Run::attempt).toArray(Integer[]::new);
        Set<Long> updated = new HashSet<>();
        Connection connection = writing.connection();
        try (PreparedStatement update = connection.prepareStatement(succeeded(writing)
                + " FROM unnest(?::bigint[], ?::int[]) AS fence(id, attempt)"
                + " WHERE jd_run.id = fence.id AND jd_run.attempt = fence.attempt"
                + " AND jd_run.state = " + RunState.RUNNING.sql() + " AND jd_run.lease_owner = ? RETURNING jd_run.id")) {
            update.setArray(1, connection.createArrayOf("bigint", ids));
            update.setArray(2, connection.createArrayOf("integer", attempts));
            update.setString(3, workerId);
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    updated.add(rows.getLong(1));
                }
            }
        }
        return updated;
    }

    /**
     * A duplicate key would abort PostgreSQL's whole transaction: ON CONFLICT DO NOTHING instead
     * (a concurrent insert of the same key waits for the other transaction, then does nothing).
     */
    @Override
    public boolean insertIfAbsent(Connection connection, String insert, String key, Object... values)
            throws SQLException {
        return Sql.update(connection, insert + " ON CONFLICT " + key + " DO NOTHING", values) == 1;
    }

    /** One statement text, prepared once, whatever the group's size. */
    @Override
    public Map<Long, Integer> downstreamOf(Connection connection, List<Long> upstream) throws SQLException {
        Map<Long, Integer> downstream = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT run_id FROM jd_run_dependency WHERE upstream_id = ANY(?)")) {
            select.setArray(1, connection.createArrayOf("bigint", upstream.toArray(Long[]::new)));
            count(select, downstream);
        }
        return downstream;
    }

    @Override
    public ChangeFeed changes() {
        return changes;
    }
}
