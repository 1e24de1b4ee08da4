package org.jobdeck.queue.store;

import java.sql.SQLException;
import java.util.Comparator;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.RunState;

/**
 * One claim: up to {@code max} queued runs whose ready time has passed (by the database's clock),
 * in the order they became ready, then by id; each taken by {@code workerId} for a lease of
 * {@code leaseMillis}. The dialects share its SQL and differ in how they lock and update.
 *
 * @param batchId only runs of this batch, or null for any
 */
record Claim(String workerId, int max, long leaseMillis, Long batchId) {
    static final Comparator<Run> ORDER = Comparator.comparingLong(Run::runAfter)
            .thenComparingLong(run -> Long.parseLong(run.id()));

    Claim {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
    }

    /** The WHERE of the runs that may be claimed now. */
    String ready(Writing writing) {
        return "state = " + RunState.QUEUED.sql() + " AND run_after <= " + writing.now()
                + (batchId == null ? "" : " AND batch_id = " + batchId);
    }

    /** The SET that moves a claimed run to running; its one parameter is the worker id. */
    String take(Writing writing) throws SQLException {
        return "UPDATE jd_run SET state = " + RunState.RUNNING.sql() + ", attempt = attempt + 1,"
                + " lease_owner = ?, lease_expires_at = " + writing.now() + " + " + leaseMillis + ","
                + " started_at = " + writing.now() + ", finished_at = 0, cancel_requested = FALSE,"
                + " progress_done = 0, progress_total = 0, progress_message = NULL, " + writing.touched();
    }
}
