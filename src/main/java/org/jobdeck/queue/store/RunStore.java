package org.jobdeck.queue.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jobdeck.queue.Batch;
import org.jobdeck.queue.IdempotencyKey;
import org.jobdeck.queue.IdempotencyKeyReusedException;
import org.jobdeck.queue.IllegalRunStateException;
import org.jobdeck.queue.LeaseLostException;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.RunState;
import org.jobdeck.queue.UnknownRunException;

/**
 * The durable queue on one JDBC database (H2 or PostgreSQL). Every method is one transaction,
 * and every state change is guarded by the states it may come from ({@link RunState}), so a
 * change that lost a race changes nothing.
 *
 * <p>A worker's writes are fenced by lease owner and attempt: a worker whose lease expired and
 * whose run was reclaimed can neither complete nor fail it ({@link LeaseLostException}).
 */
public final class RunStore {
    private static final String FENCE = " WHERE id = ? AND state = 'running' AND lease_owner = ? AND attempt = ?";

    private final Database database;
    private final Transactions tx;
    private final Clock clock;
    private final RunLog log;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<String>> cancelListeners = new CopyOnWriteArrayList<>();

    public RunStore(Database database, Clock clock) {
        this.database = database;
        this.tx = new Transactions(database.dataSource(), database::forceToDisk);
        this.clock = clock;
        this.log = new RunLog(tx, clock);
    }

    public Database database() {
        return database;
    }

    public RunLog log() {
        return log;
    }

    public long now() {
        return clock.millis();
    }

    /**
     * Called after every committed change made through this store and, on PostgreSQL, when another
     * process commits one that queues, ends or hands back runs (LISTEN/NOTIFY): a wake-up to look
     * again, not a description of the change.
     */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
        database.onRemoteChange(listener);
    }

    /**
     * Called with a run's id when an operator asks to cancel a running run, so that the worker
     * pool running it stops it at once: asked through this store, or (on PostgreSQL) through
     * another process's. On H2, a pool in another process notices at its next heartbeat.
     */
    public void onCancelRequested(java.util.function.Consumer<String> listener) {
        cancelListeners.add(listener);
        database.onRemoteCancel(listener);
    }

    /**
     * A change that queues, ends or hands back runs: durable when it returns, and other processes
     * are woken when it commits.
     */
    private <T> T change(Transactions.Work<T> work) {
        return change(work, true, true);
    }

    private <T> T change(Transactions.Work<T> work, boolean signalOthers, boolean durable) {
        Transactions.Work<T> signalling = connection -> {
            T value = work.run(connection);
            if (signalOthers) {
                database.signalChange(connection);
            }
            return value;
        };
        T result = durable ? tx.inDurableTransaction(signalling) : tx.inTransaction(signalling);
        changeListeners.forEach(Runnable::run);
        return result;
    }

    /**
     * A transaction that may change nothing (a claim that found no run, a reclaim that found no
     * expired lease): listeners hear of it only if it changed something. Otherwise an idle
     * dispatcher, woken by its own empty claim, would claim again at once, forever.
     */
    private <T extends java.util.Collection<?>> T changeIfAny(Transactions.Work<T> work) {
        T result = tx.inTransaction(work);
        if (!result.isEmpty()) {
            changeListeners.forEach(Runnable::run);
        }
        return result;
    }

    // Enqueue

    /** How long an idempotency key keeps returning its first batch. */
    public static final long IDEMPOTENCY_MILLIS = 24L * 3600 * 1000;

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
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one run");
        }
        if (idempotency != null) {
            Optional<Batch> earlier = batchForKey(idempotency);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        String key = idempotency == null ? null : idempotency.key();
        String fingerprint = idempotency == null ? null : idempotency.fingerprint();
        long batchId;
        try {
            batchId = change(connection -> {
                long now = now();
                long batch = nextValues(connection, "jd_batch_seq", 1)[0];
                long[] ids = nextValues(connection, "jd_run_seq", specs.size());
                Sql.update(connection, "INSERT INTO jd_batch (id, scope, scope_value, requested_by, created_at,"
                        + " idempotency_key, idempotency_fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        batch, scope, scopeValue, requestedBy, now, key, fingerprint);
                insertRuns(connection, batch, ids, specs, now);
                insertDependencies(connection, batch, ids, specs);
                return batch;
            });
        } catch (org.jobdeck.queue.QueueException e) {
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
        return batch(Long.toString(batchId)).orElseThrow();
    }

    /**
     * The batch a key created for this same request less than 24 h ago; empty when the key is
     * unused or expired (an expired key is freed for this new enqueue).
     *
     * @throws IdempotencyKeyReusedException when the key created a batch for another request
     */
    private Optional<Batch> batchForKey(IdempotencyKey idempotency) {
        Optional<Long> id = tx.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, created_at, idempotency_fingerprint FROM jd_batch WHERE idempotency_key = ?")) {
                select.setString(1, idempotency.key());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<Long>empty();
                    }
                    long batch = row.getLong(1);
                    if (now() - row.getLong(2) < IDEMPOTENCY_MILLIS) {
                        String bound = row.getString(3);
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
        return id.flatMap(batch -> batch(Long.toString(batch)));
    }

    private long[] nextValues(Connection connection, String sequence, int count) throws SQLException {
        long[] values = new long[count];
        try (PreparedStatement statement = connection.prepareStatement(
                database.dialect().nextValues(sequence))) {
            statement.setInt(1, count);
            try (ResultSet rows = statement.executeQuery()) {
                for (int i = 0; i < count && rows.next(); i++) {
                    values[i] = rows.getLong(1);
                }
            }
        }
        java.util.Arrays.sort(values);
        return values;
    }

    private static void insertRuns(Connection connection, long batch, long[] ids, List<RunSpec> specs,
                                   long now) throws SQLException {
        int[] downstream = new int[specs.size()];
        for (RunSpec spec : specs) {
            spec.upstream().forEach(u -> downstream[u]++);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO jd_run (id, batch_id,"
                + " job_name, job_group, position, state, max_attempts, attempt_budget, retry_delay_ms,"
                + " timeout_ms, pending_upstream, downstream_count, params, created_at, run_after,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < specs.size(); i++) {
                RunSpec spec = specs.get(i);
                RunState state = spec.upstream().isEmpty() ? RunState.QUEUED : RunState.WAITING;
                Sql.bind(insert, ids[i], batch, spec.jobName(), spec.group(), i + 1, state.wireName(),
                        spec.maxAttempts(), spec.maxAttempts(), spec.retryDelayMs(), spec.timeoutMs(),
                        spec.upstream().size(), downstream[i], ParamsJson.write(spec.params()), now, now, now);
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

    // Workers

    /**
     * Claims up to {@code max} queued runs whose retry delay has passed, in the order they became
     * ready (then by id), skipping runs other workers are claiming at this moment.
     *
     * @param batchId only runs of this batch, or null for any
     */
    public List<Run> claim(String workerId, int max, long leaseMillis, String batchId) {
        String filter = batchId == null ? "" : " AND batch_id = " + Sql.parseId(batchId, "batch");
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
        // PostgreSQL: one statement, which walks the partial index of queued runs (V2). The LIMIT
        // is written out, not a parameter, so the planner knows it is small (with a parameter, a
        // generic plan may sort every queued run instead); ANY(ARRAY(…)) makes the update find
        // the picked runs by key.
        String pick = "SELECT id FROM jd_run WHERE state = 'queued' AND run_after <= ?" + filter
                + " ORDER BY run_after, id LIMIT " + max + " FOR UPDATE SKIP LOCKED";
        String take = "UPDATE jd_run SET state = 'running', attempt = attempt + 1,"
                + " lease_owner = ?, lease_expires_at = ?, started_at = ?, finished_at = 0,"
                + " cancel_requested = FALSE, progress_done = 0, progress_total = 0,"
                + " progress_message = NULL, version = version + 1, updated_at = ?";
        if (database.dialect().updateReturning()) {
            List<Run> claimed = changeIfAny(connection -> {
                long now = now();
                return RunReader.select(connection, take + " WHERE id = ANY(ARRAY(" + pick + ")) RETURNING "
                        + RunReader.COLUMNS, workerId, now + leaseMillis, now, now, now);
            });
            return claimed.stream().sorted(CLAIM_ORDER).toList();
        }
        // H2: with FOR UPDATE it reads every queued row before applying the LIMIT, so candidates
        // are picked without a lock (an index-ordered scan that stops early), then locked by key.
        List<Long> claimed = changeIfAny(connection -> {
            long now = now();
            List<Long> candidates = Sql.longs(connection, "SELECT id FROM jd_run WHERE state = 'queued'"
                    + " AND run_after <= ?" + filter + " ORDER BY state, run_after, id LIMIT ?", now, max * 4L);
            if (candidates.isEmpty()) {
                return List.<Long>of();
            }
            // By key alone: with "state = 'queued'" here too, H2 would scan the state index again.
            // A row locked here is read as committed now, so its state is checked on that read.
            java.util.Set<Long> locked = new java.util.HashSet<>();
            try (PreparedStatement lock = connection.prepareStatement("SELECT id, state FROM jd_run WHERE id IN ("
                    + Sql.placeholders(candidates.size()) + ") FOR UPDATE SKIP LOCKED")) {
                Sql.bind(lock, candidates.toArray());
                try (ResultSet rows = lock.executeQuery()) {
                    while (rows.next()) {
                        if ("queued".equals(rows.getString(2))) {
                            locked.add(rows.getLong(1));
                        }
                    }
                }
            }
            List<Long> ids = candidates.stream().filter(locked::contains).limit(max).toList();
            if (!ids.isEmpty()) {
                List<Object> values = new ArrayList<>(List.of(workerId, now + leaseMillis, now, now));
                values.addAll(ids);
                Sql.update(connection, take + " WHERE id IN (" + Sql.placeholders(ids.size()) + ")",
                        values.toArray());
            }
            return ids;
        });
        if (claimed.isEmpty()) {
            return List.of();
        }
        return tx.read(connection -> RunReader.byIds(connection, claimed)).stream().sorted(CLAIM_ORDER).toList();
    }

    private static final java.util.Comparator<Run> CLAIM_ORDER = java.util.Comparator.comparingLong(Run::runAfter)
            .thenComparingLong(run -> Long.parseLong(run.id()));

    /**
     * The run succeeded: downstream runs whose last upstream this was become queued.
     *
     * @throws LeaseLostException if this worker no longer holds the run
     */
    public void succeed(Run run, String workerId) {
        if (succeedAll(List.of(run), workerId).isEmpty()) {
            throw new LeaseLostException(run.id(), workerId, run.attempt());
        }
    }

    /**
     * Records many successes in one transaction (one commit for all of them): each run's update
     * is fenced on its own, so a run whose lease this worker lost is left out rather than failing
     * the others. Downstream runs whose last upstream runs are among these become queued.
     *
     * @return the runs whose success was recorded, in the given order
     */
    public List<Run> succeedAll(List<Run> runs, String workerId) {
        if (runs.isEmpty()) {
            return List.of();
        }
        return change(connection -> {
            long now = now();
            boolean arrays = database.dialect().arrayParameters();
            List<Run> recorded = arrays ? succeedAsSet(connection, runs, workerId, now)
                    : succeedOneByOne(connection, runs, workerId, now);
            int released = Propagation.releaseDownstream(connection,
                    recorded.stream().map(run -> Long.parseLong(run.id())).toList(), now, arrays);
            if (released > 0) {
                database.signalChange(connection);
            }
            return recorded;
        }, false, true);
    }

    private static final String SUCCEEDED = "UPDATE jd_run SET state = 'succeeded', finished_at = ?,"
            + " lease_owner = NULL, lease_expires_at = 0, error = NULL, version = version + 1, updated_at = ?";

    /**
     * PostgreSQL: one statement for the whole group, each row fenced by its own id and attempt
     * (joined from two arrays, in id order) and the worker's lease.
     */
    private static List<Run> succeedAsSet(Connection connection, List<Run> runs, String workerId, long now)
            throws SQLException {
        List<Run> ordered = runs.stream().sorted(java.util.Comparator.comparingLong(run -> Long.parseLong(run.id())))
                .toList();
        Long[] ids = ordered.stream().map(run -> Long.parseLong(run.id())).toArray(Long[]::new);
        Integer[] attempts = ordered.stream().map(Run::attempt).toArray(Integer[]::new);
        java.util.Set<Long> updated = new java.util.HashSet<>();
        try (PreparedStatement update = connection.prepareStatement(SUCCEEDED
                + " FROM unnest(?::bigint[], ?::int[]) AS fence(id, attempt)"
                + " WHERE jd_run.id = fence.id AND jd_run.attempt = fence.attempt"
                + " AND jd_run.state = 'running' AND jd_run.lease_owner = ? RETURNING jd_run.id")) {
            update.setLong(1, now);
            update.setLong(2, now);
            update.setArray(3, connection.createArrayOf("bigint", ids));
            update.setArray(4, connection.createArrayOf("integer", attempts));
            update.setString(5, workerId);
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    updated.add(rows.getLong(1));
                }
            }
        }
        return runs.stream().filter(run -> updated.contains(Long.parseLong(run.id()))).toList();
    }

    /** H2: a batch of fenced updates, one per run. */
    private static List<Run> succeedOneByOne(Connection connection, List<Run> runs, String workerId, long now)
            throws SQLException {
        List<Run> recorded = new ArrayList<>(runs.size());
        try (PreparedStatement update = connection.prepareStatement(SUCCEEDED + FENCE)) {
            for (Run run : runs) {
                Sql.bind(update, now, now, Long.parseLong(run.id()), workerId, run.attempt());
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0) { // 1, or SUCCESS_NO_INFO where a driver does not count
                    recorded.add(runs.get(i));
                }
            }
        }
        return recorded;
    }

    /** What became of a failed attempt. */
    public enum FailureOutcome { RETRY_SCHEDULED, FAILED }

    /**
     * The attempt failed. With attempts left (and unless {@code permanent}), the run is queued
     * again after {@code retryDelayMillis}; otherwise it fails with this error and blocks its
     * downstream runs.
     */
    public FailureOutcome fail(Run run, String workerId, String error, boolean permanent,
                               long retryDelayMillis) {
        String message = truncate(error, 8000);
        return change(connection -> {
            long now = now();
            if (!permanent && run.attempt() < run.maxAttempts()) {
                fenced(connection, run, workerId, "UPDATE jd_run SET state = 'queued', error = ?,"
                        + " run_after = ?, lease_owner = NULL, lease_expires_at = 0, version = version + 1,"
                        + " updated_at = ?" + FENCE, message, now + retryDelayMillis, now);
                return FailureOutcome.RETRY_SCHEDULED;
            }
            fenced(connection, run, workerId, "UPDATE jd_run SET state = 'failed', error = ?, finished_at = ?,"
                    + " lease_owner = NULL, lease_expires_at = 0, version = version + 1, updated_at = ?"
                    + FENCE, message, now, now);
            Propagation.blockDownstream(connection, Long.parseLong(run.batchId()), Long.parseLong(run.id()), now);
            return FailureOutcome.FAILED;
        });
    }

    /** The handler stopped because cancellation was requested. */
    public void cancelled(Run run, String workerId) {
        change(connection -> {
            long now = now();
            fenced(connection, run, workerId, "UPDATE jd_run SET state = 'cancelled', finished_at = ?,"
                    + " error = 'cancelled while running', lease_owner = NULL, lease_expires_at = 0,"
                    + " version = version + 1, updated_at = ?" + FENCE, now, now);
            Propagation.blockDownstream(connection, Long.parseLong(run.batchId()), Long.parseLong(run.id()), now);
            return null;
        });
    }

    /**
     * Graceful shutdown: the run goes back to the queue, and this attempt does not count. It keeps
     * its place in line (its ready time is unchanged).
     */
    public void handBack(Run run, String workerId) {
        change(connection -> {
            long now = now();
            fenced(connection, run, workerId, "UPDATE jd_run SET state = 'queued', attempt = attempt - 1,"
                    + " lease_owner = NULL, lease_expires_at = 0, version = version + 1,"
                    + " updated_at = ?" + FENCE, now);
            return null;
        });
    }

    public void progress(Run run, String workerId, long done, long total, String message) {
        change(connection -> {
            long now = now();
            fenced(connection, run, workerId, "UPDATE jd_run SET progress_done = ?, progress_total = ?,"
                    + " progress_message = ?, version = version + 1, updated_at = ?" + FENCE,
                    done, total, truncate(message, 500), now);
            return null;
        }, false, false); // progress is a hint: the next report, or the run's end, replaces it
    }

    private static void fenced(Connection connection, Run run, String workerId, String sql,
                               Object... values) throws SQLException {
        Object[] all = java.util.Arrays.copyOf(values, values.length + 3);
        all[values.length] = Long.parseLong(run.id());
        all[values.length + 1] = workerId;
        all[values.length + 2] = run.attempt();
        if (Sql.update(connection, sql, all) == 0) {
            throw new LeaseLostException(run.id(), workerId, run.attempt());
        }
    }

    /** Leases renewed; the result is the subset of {@code runIds} this worker still holds. */
    public Leases renewLeases(String workerId, List<String> runIds, long leaseMillis) {
        if (runIds.isEmpty()) {
            return new Leases(List.of(), List.of());
        }
        return tx.inTransaction(connection -> {
            List<Object> values = new ArrayList<>(List.of(now() + leaseMillis, workerId));
            runIds.forEach(id -> values.add(Long.parseLong(id)));
            Sql.update(connection, "UPDATE jd_run SET lease_expires_at = ? WHERE state = 'running'"
                    + " AND lease_owner = ? AND id IN (" + Sql.placeholders(runIds.size()) + ")",
                    values.toArray());
            List<String> held = new ArrayList<>();
            List<String> cancelRequested = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, cancel_requested"
                    + " FROM jd_run WHERE state = 'running' AND lease_owner = ? AND id IN ("
                    + Sql.placeholders(runIds.size()) + ")")) {
                Sql.bind(select, values.subList(1, values.size()).toArray());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        held.add(Long.toString(rows.getLong(1)));
                        if (rows.getBoolean(2)) {
                            cancelRequested.add(Long.toString(rows.getLong(1)));
                        }
                    }
                }
            }
            return new Leases(held, cancelRequested);
        });
    }

    /** The runs a worker still holds after a heartbeat, and those an operator asked to cancel. */
    public record Leases(List<String> held, List<String> cancelRequested) {
    }

    /**
     * Takes back runs whose lease expired (their worker died or stalled): delivery is
     * at-least-once. A run with attempts left is queued again; one without fails with its last
     * error; one whose cancel was requested is cancelled.
     *
     * @return how many runs were reclaimed
     */
    public int reclaimExpired() {
        return changeIfAny(connection -> {
            long now = now();
            List<Run> expired = RunReader.select(connection, "SELECT " + RunReader.COLUMNS
                    + " FROM jd_run WHERE state = 'running' AND lease_expires_at < ? ORDER BY id"
                    + " LIMIT 100 FOR UPDATE SKIP LOCKED", now);
            for (Run run : expired) {
                reclaim(connection, run, now);
            }
            if (!expired.isEmpty()) {
                database.signalChange(connection);
            }
            return expired;
        }).size();
    }

    private static void reclaim(Connection connection, Run run, long now) throws SQLException {
        String lost = "lease expired: worker " + run.leaseOwner() + " stopped renewing it";
        String lastError = run.error() == null ? lost : run.error();
        long id = Long.parseLong(run.id());
        RunState next = run.cancelRequested() ? RunState.CANCELLED
                : run.attempt() < run.maxAttempts() ? RunState.QUEUED : RunState.FAILED;
        // A run queued again keeps its place in line: its ready time is unchanged.
        Sql.update(connection, "UPDATE jd_run SET state = ?, error = ?, finished_at = ?,"
                + " lease_owner = NULL, lease_expires_at = 0, version = version + 1, updated_at = ?"
                + " WHERE id = ? AND state = 'running' AND attempt = ?",
                next.wireName(), next == RunState.QUEUED ? lost : lastError,
                next == RunState.QUEUED ? 0L : now, now, id, run.attempt());
        if (next.blocksDownstream()) {
            Propagation.blockDownstream(connection, Long.parseLong(run.batchId()), id, now);
        }
    }

    // Operators

    /**
     * Cancels a run. A waiting, queued or blocked run ends at once and blocks its downstream
     * runs; a running one is asked to stop, and ends when its worker sees the request.
     *
     * @return the run after the change
     */
    public Run cancel(String runId) {
        long id = Sql.parseId(runId, "run");
        boolean running = change(connection -> {
            Run run = lockRun(connection, id);
            long now = now();
            if (run.state() == RunState.RUNNING) {
                Sql.update(connection, "UPDATE jd_run SET cancel_requested = TRUE, version = version + 1,"
                        + " updated_at = ? WHERE id = ?", now, id);
                database.signalCancel(connection, id);
                return true;
            }
            if (!run.state().canMoveTo(RunState.CANCELLED)) {
                throw new IllegalRunStateException("Run " + runId + " (" + run.jobName() + ") is "
                        + run.state().wireName() + ": only waiting, queued, running or blocked runs can be cancelled");
            }
            Sql.update(connection, "UPDATE jd_run SET state = 'cancelled', finished_at = ?,"
                    + " error = 'cancelled by operator', version = version + 1, updated_at = ? WHERE id = ?",
                    now, now, id);
            Propagation.blockDownstream(connection, Long.parseLong(run.batchId()), id, now);
            return false;
        });
        if (running) {
            cancelListeners.forEach(listener -> listener.accept(Long.toString(id)));
        }
        return find(runId).orElseThrow(() -> new UnknownRunException(runId));
    }

    /**
     * Retries a failed or cancelled run with a fresh set of attempts. The runs it blocked become
     * waiting again, unless something else still blocks them.
     *
     * @return the retried run followed by every downstream run that changed
     */
    public List<Run> retry(String runId) {
        long id = Sql.parseId(runId, "run");
        List<Long> changed = change(connection -> {
            Run run = lockRun(connection, id);
            if (!run.state().canMoveTo(RunState.QUEUED) || run.state() == RunState.RUNNING) {
                throw new IllegalRunStateException("Run " + runId + " (" + run.jobName() + ") is "
                        + run.state().wireName() + ": only failed or cancelled runs can be retried");
            }
            long now = now();
            long batchId = Long.parseLong(run.batchId());
            Map<Long, Propagation.RunStatus> status = Propagation.loadStatus(connection, batchId);
            List<Long> upstream = run.upstream().stream().map(Long::parseLong).sorted().toList();
            Long cause = Propagation.blockingCause(upstream, status);
            boolean upstreamDone = upstream.stream()
                    .allMatch(u -> status.get(u).state == RunState.SUCCEEDED);
            RunState next = cause != null ? RunState.BLOCKED
                    : upstreamDone ? RunState.QUEUED : RunState.WAITING;
            Sql.update(connection, "UPDATE jd_run SET state = ?, blocked_by = ?, error = NULL,"
                    + " finished_at = 0, run_after = ?, cancel_requested = FALSE,"
                    + " max_attempts = attempt + attempt_budget, version = version + 1, updated_at = ?"
                    + " WHERE id = ?", next.wireName(), cause, now, now, id);
            List<Long> ids = new ArrayList<>();
            ids.add(id);
            if (next != RunState.BLOCKED) {
                ids.addAll(Propagation.reconsiderDownstream(connection, batchId, id, now));
            }
            return ids;
        });
        return tx.read(connection -> {
            List<Run> runs = new ArrayList<>(RunReader.byIds(connection, changed));
            runs.sort(java.util.Comparator.comparingInt(Run::position));
            return runs;
        });
    }

    private static Run lockRun(Connection connection, long id) throws SQLException {
        List<Run> runs = RunReader.select(connection, "SELECT " + RunReader.COLUMNS
                + " FROM jd_run WHERE id = ? FOR UPDATE", id);
        if (runs.isEmpty()) {
            throw new UnknownRunException(Long.toString(id));
        }
        return runs.get(0);
    }

    // Reads

    public Optional<Run> find(String runId) {
        long id = Sql.parseId(runId, "run");
        return tx.read(connection -> RunReader.find(connection, id));
    }

    public List<Run> runs(List<String> runIds) {
        List<Long> ids = runIds.stream().map(id -> Sql.parseId(id, "run")).toList();
        return tx.read(connection -> RunReader.byIds(connection, ids));
    }

    public Optional<Batch> batch(String batchId) {
        long id = Sql.parseId(batchId, "batch");
        return tx.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT scope, scope_value, requested_by, created_at FROM jd_batch WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Batch(batchId, row.getString(1), row.getString(2),
                            row.getString(3), row.getLong(4), RunReader.batch(connection, id)));
                }
            }
        });
    }

    public List<Run> query(RunQuery query) {
        return tx.read(connection -> RunReader.query(connection, query));
    }

    public List<Run> changedSince(long sinceMillis, int limit) {
        return tx.read(connection -> RunReader.changedSince(connection, sinceMillis, limit));
    }

    public Map<RunState, Integer> countByState() {
        return tx.read(RunReader::countByState);
    }

    /** True when no run is waiting, queued or running: nothing can happen without an operator. */
    public boolean isIdle() {
        Map<RunState, Integer> counts = countByState();
        return counts.get(RunState.WAITING) + counts.get(RunState.QUEUED) + counts.get(RunState.RUNNING) == 0;
    }

    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
