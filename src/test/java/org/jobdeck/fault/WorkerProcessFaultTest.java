package org.jobdeck.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jobdeck.fault.FaultRig.HEARTBEAT_SECONDS;
import static org.jobdeck.fault.FaultRig.JOBS;
import static org.jobdeck.fault.FaultRig.LEASE_SECONDS;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.jobdeck.queue.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue's promises with real {@code jobdeck worker} processes (separate JVMs) on one
 * PostgreSQL: every run executes, exactly once when nothing fails, in dependency order; a worker
 * killed with SIGKILL loses no run, and its runs are taken over within the lease, never while
 * another execution of them is still going on; a worker paused (SIGSTOP) past its lease cannot
 * complete the runs it lost when it comes back.
 */
class WorkerProcessFaultTest {
    @TempDir
    Path directory;

    private FaultRig rig;

    @BeforeEach
    void setUp() throws Exception {
        rig = new FaultRig(TestDatabases.postgres(), directory);
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    @Test
    void threeWorkerProcessesExecuteEveryRunExactlyOnceInDependencyOrder() throws Exception {
        for (int i = 0; i < 5; i++) {
            rig.enqueueAll();
        }
        for (int i = 0; i < 3; i++) {
            rig.startWorker(i, 0);
        }

        rig.awaitSucceeded(5 * JOBS, Duration.ofMinutes(3));

        assertThat(rig.single("SELECT COUNT(DISTINCT run_id) FROM fault_execution")).isEqualTo(5L * JOBS);
        assertThat(rig.single("SELECT COUNT(*) FROM fault_execution")).as("executions").isEqualTo(5L * JOBS);
        assertThat(rig.single("SELECT COUNT(*) FROM fault_execution WHERE finished_at IS NULL")).isZero();
        assertThat(rig.single("SELECT COUNT(*) FROM jd_run_dependency d"
                + " JOIN fault_execution up ON up.run_id = d.upstream_id"
                + " JOIN fault_execution down ON down.run_id = d.run_id"
                + " WHERE down.started_at < up.finished_at")).as("runs started before an upstream run ended").isZero();
        assertThat(rig.single("SELECT COUNT(DISTINCT worker) FROM fault_execution")).as("worker processes that worked")
                .isGreaterThanOrEqualTo(2L);
    }

    @Test
    void aKilledWorkersRunsAreTakenOverWithinTheLeaseAndNoneIsLost() throws Exception {
        rig.enqueueAll();
        Process victim = rig.startWorker(0, 100);
        rig.startWorker(1, 100);
        rig.startWorker(2, 100);
        List<Long> held = rig.awaitRunsHeldBy(victim, Duration.ofMinutes(1));

        victim.destroyForcibly(); // SIGKILL: no hand-back, no completion
        victim.waitFor();
        Timestamp killedAt = rig.now();

        rig.awaitSucceeded(JOBS, Duration.ofMinutes(3));

        String victimPid = Long.toString(victim.pid());
        assertThat(rig.single("SELECT COUNT(DISTINCT run_id) FROM fault_execution")).as("runs executed").isEqualTo(JOBS);
        for (long run : held) {
            // Taken over: executed again by another process, after the kill, within lease + heartbeat (+1 s slack).
            Timestamp takenOver = rig.timestamp("SELECT MIN(started_at) FROM fault_execution WHERE run_id = " + run
                    + " AND worker <> '" + victimPid + "'");
            assertThat(takenOver).as("run %d taken over", run).isNotNull();
            assertThat(takenOver).as("run %d taken over after the kill", run).isAfterOrEqualTo(killedAt);
            assertThat(Duration.between(killedAt.toInstant(), takenOver.toInstant()))
                    .as("run %d taken over within the lease", run)
                    .isLessThanOrEqualTo(Duration.ofSeconds(LEASE_SECONDS + HEARTBEAT_SECONDS + 1));
        }
        // No two executions of a run overlap: a later one starts after the earlier one ended (the
        // killed worker's unfinished executions ended when it was killed).
        assertThat(rig.single("SELECT COUNT(*) FROM fault_execution a JOIN fault_execution b"
                + " ON a.run_id = b.run_id AND b.started_at > a.started_at"
                + " WHERE b.started_at < COALESCE(a.finished_at, TIMESTAMP '" + killedAt + "')"))
                .as("overlapping executions").isZero();
        assertThat(rig.single("SELECT COUNT(*) FROM jd_run WHERE state <> 'succeeded' OR pending_upstream <> 0")).isZero();
    }

    @Test
    void aPausedWorkerThatComesBackCannotCompleteTheRunsItLost() throws Exception {
        rig.enqueueAll();
        Process paused = rig.startWorker(0, 50);
        rig.startWorker(1, 50);
        List<Long> held = rig.awaitRunsHeldBy(paused, Duration.ofMinutes(1));
        String ids = held.toString().replace('[', '(').replace(']', ')');

        signal(paused, "STOP"); // its heartbeat stops: the lease expires and the other worker takes over
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (rig.single("SELECT COUNT(*) FROM jd_run WHERE state = 'succeeded' AND id IN " + ids) < held.size()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        signal(paused, "CONT"); // its handlers finish now, and it tries to record their successes

        rig.awaitSucceeded(JOBS, Duration.ofMinutes(3));

        String pausedPid = Long.toString(paused.pid());
        assertThat(rig.single("SELECT COUNT(DISTINCT run_id) FROM fault_execution WHERE worker <> '" + pausedPid
                + "' AND run_id IN " + ids)).as("held runs taken over by the other worker").isEqualTo(held.size());
        // When it comes back, its handlers either finish (and their successes are refused) or are
        // stopped at its next heartbeat, which finds the leases gone. Had a late success been
        // accepted, the runs downstream of it would have been released twice.
        assertThat(rig.single("SELECT COUNT(*) FROM jd_run WHERE state <> 'succeeded' OR pending_upstream <> 0")).isZero();
        assertThat(rig.single("SELECT MAX(attempt) FROM jd_run WHERE id IN " + ids)).isGreaterThanOrEqualTo(2L);
    }

    private static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s", signal).isZero();
    }
}
