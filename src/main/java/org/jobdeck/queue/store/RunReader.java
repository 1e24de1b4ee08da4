package org.jobdeck.queue.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.RunState;

/** Reads runs: the column list, the row mapping, and the queries the faces need. */
final class RunReader {
    static final String COLUMNS = "id, batch_id, job_name, job_group, position, state, attempt,"
            + " max_attempts, retry_delay_ms, timeout_ms, params, created_at, started_at, finished_at, run_after, error,"
            + " blocked_by, lease_owner, lease_expires_at, cancel_requested, progress_done,"
            + " progress_total, progress_message, updated_at, version";
    private static final int EXTRA_COLUMN = 26;

    private RunReader() {
    }

    static Optional<Run> find(Connection connection, long id) throws SQLException {
        List<Run> runs = select(connection, "SELECT " + COLUMNS + " FROM jd_run WHERE id = ?", id);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    static List<Run> byIds(Connection connection, Collection<Long> ids) throws SQLException {
        List<Run> runs = new ArrayList<>(ids.size());
        for (List<Long> chunk : Sql.chunks(ids)) {
            runs.addAll(select(connection, "SELECT " + COLUMNS + " FROM jd_run WHERE id IN ("
                    + Sql.placeholders(chunk.size()) + ") ORDER BY id", chunk.toArray()));
        }
        return runs;
    }

    static List<Run> batch(Connection connection, long batchId) throws SQLException {
        return select(connection, "SELECT " + COLUMNS
                + " FROM jd_run WHERE batch_id = ? ORDER BY position", batchId);
    }

    static List<Run> query(Connection connection, RunQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM jd_run WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (!query.states().isEmpty()) {
            sql.append(" AND state IN (").append(RunState.sqlList(query.states())).append(')');
        }
        if (query.batchId() != null) {
            sql.append(" AND batch_id = ?");
            values.add(Sql.parseId(query.batchId(), "batch"));
        }
        if (query.group() != null) {
            sql.append(" AND job_group = ?");
            values.add(query.group());
        }
        if (query.beforeId() != null) {
            sql.append(" AND id < ?");
            values.add(Sql.parseId(query.beforeId(), "run"));
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(query.limit());
        return select(connection, sql.toString(), values.toArray());
    }

    static Map<RunState, Integer> countByState(Connection connection) throws SQLException {
        Map<RunState, Integer> counts = new EnumMap<>(RunState.class);
        for (RunState state : RunState.values()) {
            counts.put(state, 0);
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT state, COUNT(*) FROM jd_run GROUP BY state");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(RunState.parse(rows.getString(1)), rows.getInt(2));
            }
        }
        return counts;
    }

    static List<Run> select(Connection connection, String sql, Object... values) throws SQLException {
        return select(connection, sql, (List<Long>) null, values);
    }

    /**
     * As above, for a query that selects one more column after {@link #COLUMNS}, a long, which
     * is added to {@code extra} for each row (the change feed's stamps).
     */
    static List<Run> select(Connection connection, String sql, List<Long> extra, Object... values)
            throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Sql.bind(statement, values);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(Row.read(result));
                    if (extra != null) {
                        extra.add(result.getLong(EXTRA_COLUMN));
                    }
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> upstream = upstreamOf(connection, rows);
        List<Run> runs = new ArrayList<>(rows.size());
        for (Row row : rows) {
            runs.add(row.toRun(upstream.getOrDefault(row.id, List.of())));
        }
        return runs;
    }

    private static Map<Long, List<String>> upstreamOf(Connection connection, List<Row> rows)
            throws SQLException {
        Map<Long, List<String>> upstream = new HashMap<>();
        List<Long> ids = rows.stream().map(r -> r.id).toList();
        for (List<Long> chunk : Sql.chunks(ids)) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT run_id, upstream_id FROM jd_run_dependency WHERE run_id IN ("
                            + Sql.placeholders(chunk.size()) + ") ORDER BY run_id, upstream_id")) {
                Sql.bind(statement, chunk.toArray());
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        upstream.computeIfAbsent(result.getLong(1), k -> new ArrayList<>())
                                .add(Long.toString(result.getLong(2)));
                    }
                }
            }
        }
        return upstream;
    }

    /** One jd_run row, before its upstream ids are attached. */
    private record Row(long id, long batchId, String jobName, String group, int position,
                       RunState state, int attempt, int maxAttempts, long retryDelayMs,
                       long timeoutMs, String params,
                       long createdAt, long startedAt, long finishedAt, long runAfter,
                       String error, Long blockedBy, String leaseOwner, long leaseExpiresAt,
                       boolean cancelRequested, long progressDone, long progressTotal,
                       String progressMessage, long updatedAt, long version) {

        static Row read(ResultSet r) throws SQLException {
            long blocked = r.getLong(17);
            Long blockedBy = r.wasNull() ? null : blocked;
            return new Row(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getInt(5),
                    RunState.parse(r.getString(6)), r.getInt(7), r.getInt(8), r.getLong(9),
                    r.getLong(10), r.getString(11), r.getLong(12), r.getLong(13), r.getLong(14),
                    r.getLong(15), r.getString(16), blockedBy, r.getString(18), r.getLong(19),
                    r.getBoolean(20), r.getLong(21), r.getLong(22), r.getString(23), r.getLong(24),
                    r.getLong(25));
        }

        Run toRun(List<String> upstream) {
            return new Run(Long.toString(id), Long.toString(batchId), jobName, group, position,
                    state, attempt, maxAttempts, retryDelayMs, timeoutMs, upstream, new LinkedHashMap<>(ParamsJson.read(params)),
                    createdAt, startedAt, finishedAt, runAfter, error,
                    blockedBy == null ? null : Long.toString(blockedBy), leaseOwner, leaseExpiresAt,
                    cancelRequested, progressDone, progressTotal, progressMessage, updatedAt, version);
        }
    }
}
