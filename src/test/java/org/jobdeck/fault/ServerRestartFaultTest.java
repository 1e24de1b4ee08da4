package org.jobdeck.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jobdeck.fault.FaultRig.JOBS;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jobdeck.queue.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A console's view through {@code jobdeck serve --workers 0} while a {@code jobdeck worker}
 * process does the work (separate JVMs, one PostgreSQL): the server's event stream passes on the
 * worker's changes within a second, and when the server is killed and started again, the
 * subscription resumes with Last-Event-ID and misses no change, including the runs that ended
 * while no server was running and never changed again.
 */
class ServerRestartFaultTest {
    private static final long HOLD_MILLIS = 30;

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
    void theEventStreamFollowsARemoteWorkerAndResumesAcrossAServerRestart() throws Exception {
        int port = FaultRig.freePort();
        String token = rig.adminToken();
        Process server = rig.startServer(port, "server-1");

        try (ConsoleWatch console = new ConsoleWatch(port, token)) {
            rig.enqueueAll();
            rig.startWorker(0, HOLD_MILLIS);
            console.awaitSuccesses(JOBS / 3, Duration.ofMinutes(2));

            server.destroyForcibly(); // SIGKILL: the stream just breaks
            server.waitFor();
            long killedAt = System.currentTimeMillis();
            rig.awaitSucceeded(rig.succeeded() + 50, Duration.ofMinutes(1)); // the worker goes on meanwhile
            rig.startServer(port, "server-2");
            long restartedAt = System.currentTimeMillis();

            rig.awaitSucceeded(JOBS, Duration.ofMinutes(3));
            console.assertSeesEveryRunAsTheDatabaseHas(rig, Duration.ofSeconds(30));
            assertThat(rig.single("SELECT COUNT(*) FROM jd_run WHERE finished_at BETWEEN " + killedAt
                    + " AND " + restartedAt)).as("runs that ended while no server ran").isPositive();

            long resumedAt = console.successArrivedAt.values().stream().filter(at -> at > restartedAt)
                    .min(Long::compare).orElseThrow();
            List<Long> delays = successDelays(console, killedAt, resumedAt);
            assertThat(delays).as("successes timed while a server ran").hasSizeGreaterThanOrEqualTo(JOBS / 3);
            long p99 = delays.get((int) Math.ceil(delays.size() * 0.99) - 1);
            System.out.printf("Remote successes reached the console in p50 %d ms, p99 %d ms (%d runs);"
                    + " it resumed %d ms after the server restarted%n",
                    delays.get(delays.size() / 2), p99, delays.size(), resumedAt - restartedAt);
            assertThat(p99).as("p99 ms from a remote success to the console").isLessThan(1_000);
        }
    }

    /**
     * From each run's success (its finishedAt, stamped by the worker) to its arrival at the
     * console, for the successes a running server could pass on at once: those that arrived
     * before the kill, and those that happened after the subscription had resumed.
     */
    private static List<Long> successDelays(ConsoleWatch console, long killedAt, long resumedAt) {
        List<Long> delays = new ArrayList<>();
        console.successArrivedAt.forEach((id, arrivedAt) -> {
            long finished = Instant.parse(console.newest.get(id).finishedAt()).toEpochMilli();
            if (arrivedAt < killedAt || finished > resumedAt) {
                delays.add(arrivedAt - finished);
            }
        });
        delays.sort(null);
        return delays;
    }
}
