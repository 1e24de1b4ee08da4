package org.jobdeck.queue.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jobdeck.queue.Batch;
import org.jobdeck.queue.BatchOrigin;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.RunState;

/**
 * Reads of runs and batches, the change feed, and who hears of changes: this process's listeners
 * after each commit through the store and, on PostgreSQL, other processes' commits.
 */
public final class RunReads {
    private final StoreContext store;

    RunReads(StoreContext store) {
        this.store = store;
    }

    public Optional<Run> find(String runId) {
        long id = Sql.parseId(runId, "run");
        return store.read(connection -> RunReader.find(connection, id));
    }

    public List<Run> runs(List<String> runIds) {
        List<Long> ids = runIds.stream().map(id -> Sql.parseId(id, "run")).toList();
        return store.read(connection -> RunReader.byIds(connection, ids));
    }

    public Optional<Batch> batch(String batchId) {
        long id = Sql.parseId(batchId, "batch");
        return store.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT scope, scope_value, requested_by,"
                    + " created_at, origin_kind, origin_schedule, origin_slot FROM jd_batch WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Batch(batchId, row.getString(1), row.getString(2),
                            row.getString(3), row.getLong(4), RunReader.batch(connection, id), origin(row, 5)));
                }
            }
        });
    }

    /** Where each of these batches came from; batches that do not exist are left out. */
    public Map<String, BatchOrigin> origins(Collection<String> batchIds) {
        List<Long> ids = batchIds.stream().map(id -> Sql.parseId(id, "batch")).distinct().toList();
        return store.read(connection -> {
            Map<String, BatchOrigin> origins = new HashMap<>();
            for (List<Long> chunk : Sql.chunks(ids)) {
                try (PreparedStatement select = connection.prepareStatement("SELECT id, origin_kind, origin_schedule,"
                        + " origin_slot FROM jd_batch WHERE id IN (" + Sql.placeholders(chunk.size()) + ")")) {
                    Sql.bind(select, chunk.toArray());
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            origins.put(Long.toString(rows.getLong(1)), origin(rows, 2));
                        }
                    }
                }
            }
            return origins;
        });
    }

    private static BatchOrigin origin(ResultSet row, int first) throws SQLException {
        long slot = row.getLong(first + 2);
        boolean noSlot = row.wasNull();
        return new BatchOrigin(BatchOrigin.Kind.parse(row.getString(first)), row.getString(first + 1),
                noSlot ? null : Instant.ofEpochMilli(slot));
    }

    public List<Run> query(RunQuery query) {
        return store.read(connection -> RunReader.query(connection, query));
    }

    /** The position after every change committed so far: where a reader that wants only new changes starts. */
    public String head() {
        return store.read(connection -> store.dialect.changes().head(connection));
    }

    /**
     * Runs changed by the transactions that committed after {@code position}, in commit order,
     * each as it is now, at most {@code limit}; and the position to read on from.
     *
     * @throws org.jobdeck.queue.InvalidChangePositionException for a position this database never gave out
     */
    public ChangePage changes(String position, int limit) {
        return changes(position, null, limit);
    }

    /** As above, only up to {@code upTo} (a position given out earlier; null for now). */
    public ChangePage changes(String position, String upTo, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        return store.read(connection -> store.dialect.changes().read(connection, position, upTo, limit));
    }

    public Map<RunState, Integer> countByState() {
        return store.read(RunReader::countByState);
    }

    /** True when no run is waiting, queued or running: nothing can happen without an operator. */
    public boolean isIdle() {
        Map<RunState, Integer> counts = countByState();
        return counts.get(RunState.WAITING) + counts.get(RunState.QUEUED) + counts.get(RunState.RUNNING) == 0;
    }

    /**
     * Called after every committed change made through this store and, on PostgreSQL, when another
     * process commits one that queues, ends or hands back runs (LISTEN/NOTIFY): a wake-up to look
     * again, not a description of the change.
     */
    public void onChange(Runnable listener) {
        store.signals.onChange(listener);
    }

    /**
     * Called with a run's id when an operator asks to cancel a running run, so that the worker
     * pool running it stops it at once: asked through this store, or (on PostgreSQL) through
     * another process's. On H2, a pool in another process notices at its next heartbeat.
     */
    public void onCancelRequested(Consumer<String> listener) {
        store.signals.onCancelRequested(listener);
    }
}
