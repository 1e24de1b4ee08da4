package org.jobdeck.queue.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jobdeck.queue.Batch;
import org.jobdeck.queue.BatchOrigin;
import org.jobdeck.queue.IdempotencyKey;
import org.jobdeck.queue.IdempotencyKeyReusedException;
import org.jobdeck.queue.QueueException;
import org.jobdeck.queue.RunState;

/**
 * Writes batches: a batch and its runs in one transaction, each run waiting for its upstream
 * runs, and an idempotency key that makes a repeat of the same request return the first batch.
 */
public final class BatchWriter {
    /** How long an idempotency key keeps returning its first batch. */
    public static final long IDEMPOTENCY_MILLIS = 24L * 3600 * 1000;

    private final StoreContext store;
    private final RunReads reads;

    BatchWriter(StoreContext store, RunReads reads) {
        this.store = store;
        this.reads = reads;
    }

    /**
     * Creates a batch and its runs in one transaction. Specs are in plan order.
     *
     * @param idempotency null, or a client's key and the fingerprint of its request: a repeat
     *                    within 24 h returns the batch the first call created and creates
     *                    nothing; the key with another fingerprint throws
     *                    {@link IdempotencyKeyReusedException}
     */
    public Batch enqueue(String scope, String scopeValue, String requestedBy, List<RunSpec> specs,
                         IdempotencyKey idempotency) {
        return enqueue(new NewBatch(scope, scopeValue, requestedBy, specs, BatchOrigin.ENQUEUE), idempotency);
    }

    /** As above, for a batch of any origin. */
    public Batch enqueue(NewBatch batch, IdempotencyKey idempotency) {
        if (idempotency != null) {
            Optional<Batch> earlier = batchForKey(idempotency);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        long batchId;
        try {
            batchId = store.change(writing -> insert(writing, batch, idempotency));
        } catch (QueueException e) {
            // Two requests with one key raced: the loser returns the winner's batch, or is refused
            // when the winner's request was a different one.
            if (idempotency != null) {
                Optional<Batch> winner = batchForKey(idempotency);
                if (winner.isPresent()) {
                    return winner.get();
                }
            }
            throw e;
        }
        return reads.batch(Long.toString(batchId)).orElseThrow();
    }

    /** Writes the batch and its runs in the caller's transaction; returns the batch's id. */
    long insert(Writing writing, NewBatch batch, IdempotencyKey idempotency) throws SQLException {
        Connection connection = writing.connection();
        long id = nextValues(connection, "jd_batch_seq", 1)[0];
        long[] ids = nextValues(connection, "jd_run_seq", batch.specs().size());
        BatchOrigin origin = batch.origin();
        Sql.update(connection, "INSERT INTO jd_batch (id, scope, scope_value, requested_by, created_at,"
                + " idempotency_key, idempotency_fingerprint, origin_kind, origin_schedule, origin_slot)"
                + " VALUES (?, ?, ?, ?, " + writing.now() + ", ?, ?, ?, ?, ?)",
                id, batch.scope(), batch.scopeValue(), batch.requestedBy(),
                idempotency == null ? null : idempotency.key(), idempotency == null ? null : idempotency.fingerprint(),
                origin.kind().wireName(), origin.schedule(), origin.slot() == null ? null : origin.slot().toEpochMilli());
        insertRuns(writing, id, ids, batch.specs());
        insertDependencies(connection, id, ids, batch.specs());
        return id;
    }

    /**
     * The batch a key created for this same request less than 24 h ago (by the database's clock);
     * empty when the key is unused or expired (an expired key is freed for this new enqueue).
     *
     * @throws IdempotencyKeyReusedException when the key created a batch for another request
     */
    private Optional<Batch> batchForKey(IdempotencyKey idempotency) {
        Optional<Long> id = store.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, idempotency_fingerprint,"
                    + " CASE WHEN created_at > " + store.time.now() + " - " + IDEMPOTENCY_MILLIS + " THEN 1 ELSE 0 END"
                    + " FROM jd_batch WHERE idempotency_key = ?")) {
                select.setString(1, idempotency.key());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<Long>empty();
                    }
                    long batch = row.getLong(1);
                    if (row.getInt(3) == 1) {
                        String bound = row.getString(2);
                        // A batch stored before keys were bound has no fingerprint: it replays, as it did.
                        if (bound != null && !bound.equals(idempotency.fingerprint())) {
                            throw new IdempotencyKeyReusedException(idempotency.key(), Long.toString(batch));
                        }
                        return Optional.of(batch);
                    }
                }
            }
            Sql.update(connection, "UPDATE jd_batch SET idempotency_key = NULL, idempotency_fingerprint = NULL"
                    + " WHERE idempotency_key = ?", idempotency.key());
            return Optional.<Long>empty();
        });
        return id.flatMap(batch -> reads.batch(Long.toString(batch)));
    }

    private long[] nextValues(Connection connection, String sequence, int count) throws SQLException {
        long[] values = new long[count];
        try (PreparedStatement statement = connection.prepareStatement(store.dialect.nextValues(sequence))) {
            statement.setInt(1, count);
            try (ResultSet rows = statement.executeQuery()) {
                for (int i = 0; i < count && rows.next(); i++) {
                    values[i] = rows.getLong(1);
                }
            }
        }
        Arrays.sort(values);
        return values;
    }

    private static void insertRuns(Writing writing, long batch, long[] ids, List<RunSpec> specs)
            throws SQLException {
        int[] downstream = new int[specs.size()];
        for (RunSpec spec : specs) {
            spec.upstream().forEach(u -> downstream[u]++);
        }
        String now = writing.now();
        try (PreparedStatement insert = writing.connection().prepareStatement("INSERT INTO jd_run (id, batch_id,"
                + " job_name, job_group, position, state, max_attempts, attempt_budget, retry_delay_ms,"
                + " timeout_ms, pending_upstream, downstream_count, params, created_at, run_after,"
                + " updated_at, change_stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + now + ", " + now
                + ", " + now + ", " + writing.stamp() + ")")) {
            for (int i = 0; i < specs.size(); i++) {
                RunSpec spec = specs.get(i);
                RunState state = spec.upstream().isEmpty() ? RunState.QUEUED : RunState.WAITING;
                Sql.bind(insert, ids[i], batch, spec.jobName(), spec.group(), i + 1, state.wireName(),
                        spec.maxAttempts(), spec.maxAttempts(), spec.retryDelayMs(), spec.timeoutMs(),
                        spec.upstream().size(), downstream[i], ParamsJson.write(spec.params()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertDependencies(Connection connection, long batch, long[] ids,
                                           List<RunSpec> specs) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO jd_run_dependency (run_id, upstream_id, batch_id) VALUES (?, ?, ?)")) {
            for (int i = 0; i < specs.size(); i++) {
                for (int upstream : specs.get(i).upstream()) {
                    if (upstream >= i) {
                        throw new IllegalArgumentException("run " + i + " waits for a later run " + upstream);
                    }
                    Sql.bind(insert, ids[i], ids[upstream], batch);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
