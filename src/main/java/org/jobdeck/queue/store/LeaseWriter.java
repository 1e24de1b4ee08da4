package org.jobdeck.queue.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jobdeck.queue.LeaseLostException;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.RunState;

/**
 * A worker's writes: claim runs, record how they ended (succeeded, failed, cancelled while
 * running, handed back), report progress, renew leases and reclaim expired ones. Every write to a
 * claimed run is fenced by lease owner and attempt, so a worker whose lease expired and whose run
 * was reclaimed changes nothing ({@link LeaseLostException}). Lease expiry and readiness are
 * decided by the database's clock, inside the statements, so that a worker whose own clock is off
 * can neither take a healthy worker's run nor stall.
 */
public final class LeaseWriter {
    private static final String FENCE = PortableDialect.FENCE;
    private static final int MAX_ERROR = 8000;
    private static final int MAX_PROGRESS_MESSAGE = 500;
    private static final int RECLAIM_PAGE = 100;

    private final StoreContext store;

    LeaseWriter(StoreContext store) {
        this.store = store;
    }

    /** What became of a failed attempt. */
    public enum FailureOutcome { RETRY_SCHEDULED, FAILED }

    /** The runs a worker still holds after a heartbeat, and those an operator asked to cancel. */
    public record Leases(List<String> held, List<String> cancelRequested) {
    }

    /**
     * Claims up to {@code max} queued runs whose retry delay has passed, in the order they became
     * ready (then by id), skipping runs other workers are claiming at this moment.
     *
     * @param batchId only runs of this batch, or null for any
     */
    public List<Run> claim(String workerId, int max, long leaseMillis, String batchId) {
        Claim claim = new Claim(workerId, max, leaseMillis, batchId == null ? null : Sql.parseId(batchId, "batch"));
        return store.changeIfAny(writing -> store.dialect.claim(writing, claim));
    }

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
        return store.change(writing -> {
            Set<Long> recorded = store.dialect.succeed(writing, runs, workerId);
            int released = Propagation.releaseDownstream(writing, recorded.stream().sorted().toList());
            if (released > 0) {
                store.database.signalChange(writing.connection());
            }
            return runs.stream().filter(run -> recorded.contains(Long.parseLong(run.id()))).toList();
        }, false, true);
    }

    /**
     * The attempt failed. With attempts left (and unless {@code permanent}), the run is queued
     * again after {@code retryDelayMillis}; otherwise it fails with this error and blocks its
     * downstream runs.
     */
    public FailureOutcome fail(Run run, String workerId, String error, boolean permanent, long retryDelayMillis) {
        String message = truncate(error, MAX_ERROR);
        return store.change(writing -> {
            if (!permanent && run.attempt() < run.maxAttempts()) {
                fenced(writing, run, workerId, "UPDATE jd_run SET state = " + RunState.QUEUED.sql() + ", error = ?,"
                        + " run_after = " + writing.now() + " + " + retryDelayMillis + ", lease_owner = NULL,"
                        + " lease_expires_at = 0, " + writing.touched() + FENCE, message);
                return FailureOutcome.RETRY_SCHEDULED;
            }
            endFenced(writing, run, workerId, RunState.FAILED, message);
            return FailureOutcome.FAILED;
        });
    }

    /** The handler stopped because cancellation was requested. */
    public void cancelled(Run run, String workerId) {
        store.change(writing -> {
            endFenced(writing, run, workerId, RunState.CANCELLED, "cancelled while running");
            return null;
        });
    }

    /** Ends a running run badly: it blocks its downstream runs. */
    private static void endFenced(Writing writing, Run run, String workerId, RunState end, String error)
            throws SQLException {
        fenced(writing, run, workerId, "UPDATE jd_run SET state = " + end.sql() + ", error = ?, finished_at = "
                + writing.now() + ", lease_owner = NULL, lease_expires_at = 0, " + writing.touched() + FENCE, error);
        Propagation.blockDownstream(writing, Long.parseLong(run.batchId()), Long.parseLong(run.id()));
    }

    /**
     * Graceful shutdown: the run goes back to the queue, and this attempt does not count. It keeps
     * its place in line (its ready time is unchanged).
     */
    public void handBack(Run run, String workerId) {
        store.change(writing -> {
            fenced(writing, run, workerId, "UPDATE jd_run SET state = " + RunState.QUEUED.sql()
                    + ", attempt = attempt - 1, lease_owner = NULL, lease_expires_at = 0, " + writing.touched() + FENCE);
            return null;
        });
    }

    /** Progress is a hint: not durable, and it wakes no other process; the next report, or the run's end, replaces it. */
    public void progress(Run run, String workerId, long done, long total, String message) {
        store.change(writing -> {
            fenced(writing, run, workerId, "UPDATE jd_run SET progress_done = ?, progress_total = ?,"
                    + " progress_message = ?, " + writing.touched() + FENCE, done, total, truncate(message, MAX_PROGRESS_MESSAGE));
            return null;
        }, false, false);
    }

    private static void fenced(Writing writing, Run run, String workerId, String sql, Object... values)
            throws SQLException {
        Object[] all = Arrays.copyOf(values, values.length + 3);
        all[values.length] = Long.parseLong(run.id());
        all[values.length + 1] = workerId;
        all[values.length + 2] = run.attempt();
        if (Sql.update(writing.connection(), sql, all) == 0) {
            throw new LeaseLostException(run.id(), workerId, run.attempt());
        }
    }

    /**
     * Leases renewed until the database's now plus {@code leaseMillis}; the result is the subset
     * of {@code runIds} this worker still holds. A renewal is no visible change: no new version.
     */
    public Leases renewLeases(String workerId, List<String> runIds, long leaseMillis) {
        if (runIds.isEmpty()) {
            return new Leases(List.of(), List.of());
        }
        return store.tx.inTransaction(connection -> {
            List<Object> values = new ArrayList<>(List.of(workerId));
            runIds.forEach(id -> values.add(Long.parseLong(id)));
            String held = " WHERE state = " + RunState.RUNNING.sql() + " AND lease_owner = ? AND id IN ("
                    + Sql.placeholders(runIds.size()) + ")";
            Sql.update(connection, "UPDATE jd_run SET lease_expires_at = " + store.time.now() + " + " + leaseMillis
                    + held, values.toArray());
            List<String> kept = new ArrayList<>();
            List<String> cancelRequested = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, cancel_requested FROM jd_run" + held)) {
                Sql.bind(select, values.toArray());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        kept.add(Long.toString(rows.getLong(1)));
                        if (rows.getBoolean(2)) {
                            cancelRequested.add(Long.toString(rows.getLong(1)));
                        }
                    }
                }
            }
            return new Leases(kept, cancelRequested);
        });
    }

    /**
     * Takes back runs whose lease expired by the database's clock (their worker died or stalled):
     * delivery is at-least-once. A run with attempts left is queued again; one without fails with
     * its last error; one whose cancel was requested is cancelled.
     *
     * @return how many runs were reclaimed
     */
    public int reclaimExpired() {
        return store.changeIfAny(writing -> {
            List<Run> expired = RunReader.select(writing.connection(), "SELECT " + RunReader.COLUMNS
                    + " FROM jd_run WHERE state = " + RunState.RUNNING.sql() + " AND lease_expires_at < "
                    + writing.now() + " ORDER BY id LIMIT " + RECLAIM_PAGE + " FOR UPDATE SKIP LOCKED");
            for (Run run : expired) {
                reclaim(writing, run);
            }
            if (!expired.isEmpty()) {
                store.database.signalChange(writing.connection());
            }
            return expired;
        }).size();
    }

    private static void reclaim(Writing writing, Run run) throws SQLException {
        String lost = "lease expired: worker " + run.leaseOwner() + " stopped renewing it";
        String lastError = run.error() == null ? lost : run.error();
        long id = Long.parseLong(run.id());
        RunState next = run.cancelRequested() ? RunState.CANCELLED
                : run.attempt() < run.maxAttempts() ? RunState.QUEUED : RunState.FAILED;
        // A run queued again keeps its place in line: its ready time is unchanged.
        Sql.update(writing.connection(), "UPDATE jd_run SET state = ?, error = ?, finished_at = "
                + (next == RunState.QUEUED ? "0" : writing.now()) + ", lease_owner = NULL, lease_expires_at = 0, "
                + writing.touched() + " WHERE id = ? AND state = " + RunState.RUNNING.sql() + " AND attempt = ?",
                next.wireName(), next == RunState.QUEUED ? lost : lastError, id, run.attempt());
        if (next.blocksDownstream()) {
            Propagation.blockDownstream(writing, Long.parseLong(run.batchId()), id);
        }
    }

    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
