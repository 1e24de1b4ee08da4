package org.jobdeck.queue.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.RunState;

/**
 * The ways of claiming and recording that work on both databases: plain SELECT, UPDATE and IN
 * lists, chunked. H2 uses them as they are; PostgreSQL replaces them with single statements, and
 * a compatibility test runs them on PostgreSQL too.
 */
abstract class PortableDialect implements Dialect {
    private static final String DUPLICATE_KEY = "23505";
    static final String FENCE = " WHERE id = ? AND state = " + RunState.RUNNING.sql()
            + " AND lease_owner = ? AND attempt = ?";

    /**
     * Candidates are picked without a lock (an index-ordered scan that stops early: with FOR
     * UPDATE, H2 reads every queued row before applying the LIMIT), then locked by key with SKIP
     * LOCKED; a row locked here is read as committed now, so its state is checked on that read.
     */
    @Override
    public List<Run> claim(Writing writing, Claim claim) throws SQLException {
        Connection connection = writing.connection();
        List<Long> candidates = Sql.longs(connection, "SELECT id FROM jd_run WHERE " + claim.ready(writing)
                + " ORDER BY state, run_after, id LIMIT " + claim.max() * 4L);
        if (candidates.isEmpty()) {
            return List.of();
        }
        Set<Long> locked = new HashSet<>();
        try (PreparedStatement lock = connection.prepareStatement("SELECT id, state FROM jd_run WHERE id IN ("
                + Sql.placeholders(candidates.size()) + ") FOR UPDATE SKIP LOCKED")) {
            Sql.bind(lock, candidates.toArray());
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    if (RunState.QUEUED.wireName().equals(rows.getString(2))) {
                        locked.add(rows.getLong(1));
                    }
                }
            }
        }
        List<Long> ids = candidates.stream().filter(locked::contains).limit(claim.max()).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> values = new ArrayList<>();
        values.add(claim.workerId());
        values.addAll(ids);
        Sql.update(connection, claim.take(writing) + " WHERE id IN (" + Sql.placeholders(ids.size()) + ")",
                values.toArray());
        return RunReader.byIds(connection, ids).stream().sorted(Claim.ORDER).toList();
    }

    /** A batch of fenced updates, one per run. */
    @Override
    public Set<Long> succeed(Writing writing, List<Run> runs, String workerId) throws SQLException {
        Set<Long> recorded = new HashSet<>();
        try (PreparedStatement update = writing.connection().prepareStatement(succeeded(writing) + FENCE)) {
            for (Run run : runs) {
                Sql.bind(update, Long.parseLong(run.id()), workerId, run.attempt());
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0) { // 1, or SUCCESS_NO_INFO where a driver does not count
                    recorded.add(Long.parseLong(runs.get(i).id()));
                }
            }
        }
        return recorded;
    }

    /** A duplicate key fails the statement, not the transaction (H2): the row was there first. */
    @Override
    public boolean insertIfAbsent(Connection connection, String insert, String key, Object... values)
            throws SQLException {
        try {
            return Sql.update(connection, insert, values) == 1;
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    static String succeeded(Writing writing) throws SQLException {
        return "UPDATE jd_run SET state = " + RunState.SUCCEEDED.sql() + ", finished_at = " + writing.now() + ","
                + " lease_owner = NULL, lease_expires_at = 0, error = NULL, " + writing.touched();
    }

    @Override
    public Map<Long, Integer> downstreamOf(Connection connection, List<Long> upstream) throws SQLException {
        Map<Long, Integer> downstream = new TreeMap<>();
        for (List<Long> chunk : Sql.chunks(upstream)) {
            try (PreparedStatement select = connection.prepareStatement("SELECT run_id FROM jd_run_dependency"
                    + " WHERE upstream_id IN (" + Sql.placeholders(chunk.size()) + ")")) {
                Sql.bind(select, chunk.toArray());
                count(select, downstream);
            }
        }
        return downstream;
    }

    static void count(PreparedStatement select, Map<Long, Integer> downstream) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                downstream.merge(rows.getLong(1), 1, Integer::sum);
            }
        }
    }
}
