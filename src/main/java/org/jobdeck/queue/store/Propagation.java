package org.jobdeck.queue.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jobdeck.queue.RunState;

/**
 * What one run's end means for the runs downstream of it, applied inside the caller's
 * transaction: a failure or cancellation blocks every transitive downstream run; a retry
 * reconsiders the runs it had blocked.
 */
final class Propagation {
    private Propagation() {
    }

    /**
     * After these runs succeeded: each of their direct downstream runs has one upstream run fewer
     * to wait for, and becomes queued when none is left. The downstream runs are found first and
     * then updated by primary key, in id order (so two transactions releasing the same runs lock
     * them in the same order), whatever the planner thinks of the table's statistics.
     *
     * @return how many downstream runs were updated
     */
    static int releaseDownstream(Writing writing, List<Long> upstream) throws SQLException {
        if (upstream.isEmpty()) {
            return 0;
        }
        Map<Long, Integer> released = writing.dialect().downstreamOf(writing.connection(), upstream);
        if (released.isEmpty()) {
            return 0;
        }
        try (PreparedStatement update = writing.connection().prepareStatement("UPDATE jd_run SET"
                + " pending_upstream = pending_upstream - ?,"
                + " state = CASE WHEN pending_upstream = ? AND state = " + RunState.WAITING.sql()
                + " THEN " + RunState.QUEUED.sql() + " ELSE state END,"
                + " run_after = " + writing.now() + ", " + writing.touched() + " WHERE id = ?")) {
            for (Map.Entry<Long, Integer> run : released.entrySet()) {
                Sql.bind(update, run.getValue(), run.getValue(), run.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        return released.size();
    }

    /** Blocks every waiting run downstream of {@code root}, recording root as the cause. */
    static Set<Long> blockDownstream(Writing writing, long batchId, long root) throws SQLException {
        Connection connection = writing.connection();
        Set<Long> downstream = transitiveDownstream(loadDownstream(connection, batchId), root);
        for (List<Long> chunk : Sql.chunks(downstream)) {
            List<Object> values = new ArrayList<>();
            values.add(root);
            values.addAll(chunk);
            Sql.update(connection, "UPDATE jd_run SET state = " + RunState.BLOCKED.sql() + ", blocked_by = ?, "
                    + writing.touched() + " WHERE id IN ("
                    + Sql.placeholders(chunk.size()) + ") AND state IN ("
                    + RunState.sqlList(RunState.sourcesOf(RunState.BLOCKED)) + ")", values.toArray());
        }
        return downstream;
    }

    /**
     * After {@code root} was retried: each blocked run downstream of it becomes waiting again,
     * unless another of its upstream runs still failed, was cancelled or is blocked, in which
     * case it stays blocked by that run's cause.
     */
    static Set<Long> reconsiderDownstream(Writing writing, long batchId, long root) throws SQLException {
        Connection connection = writing.connection();
        Map<Long, List<Long>> downstreamOf = loadDownstream(connection, batchId);
        Map<Long, List<Long>> upstreamOf = invert(downstreamOf);
        Map<Long, RunStatus> status = loadStatus(connection, batchId);
        List<Long> affected = new ArrayList<>(transitiveDownstream(downstreamOf, root));
        affected.sort(Comparator.comparingInt(id -> status.get(id).position));
        Set<Long> changed = new LinkedHashSet<>();
        for (long id : affected) {
            RunStatus run = status.get(id);
            if (run.state != RunState.BLOCKED) {
                continue;
            }
            Long cause = blockingCause(upstreamOf.getOrDefault(id, List.of()), status);
            if (cause == null) {
                run.state = RunState.WAITING;
                run.blockedBy = null;
            } else if (!cause.equals(run.blockedBy)) {
                run.blockedBy = cause;
            } else {
                continue;
            }
            Sql.update(connection, "UPDATE jd_run SET state = ?, blocked_by = ?, " + writing.touched()
                    + " WHERE id = ? AND state = " + RunState.BLOCKED.sql(), run.state.wireName(), run.blockedBy, id);
            changed.add(id);
        }
        return changed;
    }

    /** The failed or cancelled run that blocks a run with these direct upstream runs, or null. */
    static Long blockingCause(List<Long> upstream, Map<Long, RunStatus> status) {
        for (long u : upstream) {
            RunStatus up = status.get(u);
            if (up.state.blocksDownstream()) {
                return u;
            }
            if (up.state == RunState.BLOCKED) {
                return up.blockedBy;
            }
        }
        return null;
    }

    static Map<Long, List<Long>> loadDownstream(Connection connection, long batchId) throws SQLException {
        Map<Long, List<Long>> downstream = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT upstream_id, run_id FROM jd_run_dependency WHERE batch_id = ?")) {
            statement.setLong(1, batchId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    downstream.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(rows.getLong(2));
                }
            }
        }
        return downstream;
    }

    static Map<Long, RunStatus> loadStatus(Connection connection, long batchId) throws SQLException {
        Map<Long, RunStatus> status = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, state, blocked_by, position FROM jd_run WHERE batch_id = ?")) {
            statement.setLong(1, batchId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long blocked = rows.getLong(3);
                    status.put(rows.getLong(1), new RunStatus(RunState.parse(rows.getString(2)),
                            rows.wasNull() ? null : blocked, rows.getInt(4)));
                }
            }
        }
        return status;
    }

    private static Map<Long, List<Long>> invert(Map<Long, List<Long>> downstreamOf) {
        Map<Long, List<Long>> upstream = new HashMap<>();
        downstreamOf.forEach((up, downs) -> downs.forEach(
                down -> upstream.computeIfAbsent(down, k -> new ArrayList<>()).add(up)));
        upstream.values().forEach(list -> list.sort(Long::compare));
        return upstream;
    }

    private static Set<Long> transitiveDownstream(Map<Long, List<Long>> downstreamOf, long root) {
        Set<Long> seen = new LinkedHashSet<>();
        ArrayDeque<Long> queue = new ArrayDeque<>(downstreamOf.getOrDefault(root, List.of()));
        while (!queue.isEmpty()) {
            long id = queue.poll();
            if (seen.add(id)) {
                queue.addAll(downstreamOf.getOrDefault(id, List.of()));
            }
        }
        return seen;
    }

    /** The mutable view of one run that reconsideration works on. */
    static final class RunStatus {
        RunState state;
        Long blockedBy;
        final int position;

        RunStatus(RunState state, Long blockedBy, int position) {
            this.state = state;
            this.blockedBy = blockedBy;
            this.position = position;
        }
    }
}
