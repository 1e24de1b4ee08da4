package org.jobdeck.queue.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jobdeck.queue.IllegalRunStateException;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.RunState;
import org.jobdeck.queue.UnknownRunException;

/** What an operator asks of a run: cancel it, or retry it, with what that means downstream. */
public final class OperatorCommands {
    private final StoreContext store;
    private final RunReads reads;

    OperatorCommands(StoreContext store, RunReads reads) {
        this.store = store;
        this.reads = reads;
    }

    /**
     * Cancels a run. A waiting, queued or blocked run ends at once and blocks its downstream
     * runs; a running one is asked to stop, and ends when its worker sees the request.
     *
     * @return the run after the change
     */
    public Run cancel(String runId) {
        long id = Sql.parseId(runId, "run");
        boolean running = store.change(writing -> {
            Run run = lockRun(writing.connection(), id);
            if (!run.state().canMoveTo(RunState.CANCELLED)) {
                throw new IllegalRunStateException("Run " + runId + " (" + run.jobName() + ") is "
                        + run.state().wireName() + ": only waiting, queued, running or blocked runs can be cancelled");
            }
            return cancelIn(writing, run, "cancelled by operator");
        });
        if (running) {
            store.signals.cancelRequested(Long.toString(id));
        }
        return reads.find(runId).orElseThrow(() -> new UnknownRunException(runId));
    }

    /**
     * Retries a failed or cancelled run with a fresh set of attempts. The runs it blocked become
     * waiting again, unless something else still blocks them.
     *
     * @return the retried run followed by every downstream run that changed
     */
    public List<Run> retry(String runId) {
        long id = Sql.parseId(runId, "run");
        List<Long> changed = store.change(writing -> {
            Connection connection = writing.connection();
            Run run = lockRun(connection, id);
            if (!run.state().canRetry()) {
                throw new IllegalRunStateException("Run " + runId + " (" + run.jobName() + ") is "
                        + run.state().wireName() + ": only failed or cancelled runs can be retried");
            }
            long batchId = Long.parseLong(run.batchId());
            Map<Long, Propagation.RunStatus> status = Propagation.loadStatus(connection, batchId);
            List<Long> upstream = run.upstream().stream().map(Long::parseLong).sorted().toList();
            Long cause = Propagation.blockingCause(upstream, status);
            boolean upstreamDone = upstream.stream().allMatch(u -> status.get(u).state == RunState.SUCCEEDED);
            RunState next = cause != null ? RunState.BLOCKED : upstreamDone ? RunState.QUEUED : RunState.WAITING;
            Sql.update(connection, "UPDATE jd_run SET state = ?, blocked_by = ?, error = NULL, finished_at = 0,"
                    + " run_after = " + writing.now() + ", cancel_requested = FALSE,"
                    + " max_attempts = attempt + attempt_budget, " + writing.touched() + " WHERE id = ?",
                    next.wireName(), cause, id);
            List<Long> ids = new ArrayList<>();
            ids.add(id);
            if (next != RunState.BLOCKED) {
                ids.addAll(Propagation.reconsiderDownstream(writing, batchId, id));
            }
            return ids;
        });
        List<Run> runs = new ArrayList<>(reads.runs(changed.stream().map(String::valueOf).toList()));
        runs.sort(Comparator.comparingInt(Run::position));
        return runs;
    }

    /**
     * Cancels a run in the caller's transaction: at once when it has not started (its downstream
     * runs are blocked), else by asking its worker to stop. True for the latter; the caller tells
     * this process's pools after the commit.
     */
    static boolean cancelIn(Writing writing, Run run, String why) throws SQLException {
        Connection connection = writing.connection();
        long id = Long.parseLong(run.id());
        if (run.state() == RunState.RUNNING) {
            Sql.update(connection, "UPDATE jd_run SET cancel_requested = TRUE, " + writing.touched() + " WHERE id = ?", id);
            writing.database().signalCancel(connection, id);
            return true;
        }
        Sql.update(connection, "UPDATE jd_run SET state = " + RunState.CANCELLED.sql() + ", finished_at = "
                + writing.now() + ", error = ?, " + writing.touched() + " WHERE id = ? AND state IN ("
                + RunState.sqlList(RunState.sourcesOf(RunState.CANCELLED)) + ")", why, id);
        Propagation.blockDownstream(writing, Long.parseLong(run.batchId()), id);
        return false;
    }

    private static Run lockRun(Connection connection, long id) throws SQLException {
        List<Run> runs = RunReader.select(connection, "SELECT " + RunReader.COLUMNS
                + " FROM jd_run WHERE id = ? FOR UPDATE", id);
        if (runs.isEmpty()) {
            throw new UnknownRunException(Long.toString(id));
        }
        return runs.get(0);
    }
}
