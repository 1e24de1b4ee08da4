package org.jobdeck.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jobdeck.fault.FaultRig.JOBS;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jobdeck.api.RunView;
import org.jobdeck.client.RestJobsApi;
import org.jobdeck.queue.TestDatabases;
import org.jobdeck.server.ServerTokens;
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

    /** What the subscription delivered, per run: the newest snapshot, and when the success arrived. */
    private final Map<String, RunView> newest = new ConcurrentHashMap<>();
    private final Map<String, Long> successArrivedAt = new ConcurrentHashMap<>();

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
        int port = freePort();
        Path tokenFile = directory.resolve("admin.token");
        String token = ServerTokens.generate();
        ServerTokens.write(tokenFile, token);
        Process server = rig.startServer(port, tokenFile, "server-1");

        try (RestJobsApi console = RestJobsApi.connect("http://127.0.0.1:" + port, token);
             AutoCloseable subscription = console.subscribe(this::arrived)) {
            rig.enqueueAll();
            rig.startWorker(0, HOLD_MILLIS);
            awaitDelivered(JOBS / 3);

            server.destroyForcibly(); // SIGKILL: the stream just breaks
            server.waitFor();
            long killedAt = System.currentTimeMillis();
            int succeededBefore = rig.succeeded();
            awaitSucceededInDatabase(succeededBefore + 50); // the worker goes on while no server runs
            server = rig.startServer(port, tokenFile, "server-2");
            long restartedAt = System.currentTimeMillis();

            rig.awaitSucceeded(JOBS, Duration.ofMinutes(3));
            Map<String, Long> versions = awaitEveryRunDelivered(Duration.ofSeconds(30));

            assertThat(versions).hasSize(JOBS);
            for (Map.Entry<String, Long> run : versions.entrySet()) {
                RunView seen = newest.get(run.getKey());
                assertThat(seen).as("run %s delivered", run.getKey()).isNotNull();
                assertThat(seen.version()).as("version of run %s", run.getKey()).isEqualTo(run.getValue());
                assertThat(seen.state()).isEqualTo("succeeded");
            }
            assertThat(rig.single("SELECT COUNT(*) FROM jd_run WHERE finished_at BETWEEN " + killedAt
                    + " AND " + restartedAt)).as("runs that ended while no server ran").isPositive();

            long resumedAt = successArrivedAt.values().stream().filter(at -> at > restartedAt)
                    .min(Long::compare).orElseThrow();
            List<Long> delays = successDelays(killedAt, resumedAt);
            assertThat(delays).as("successes timed while a server ran").hasSizeGreaterThanOrEqualTo(JOBS / 3);
            long p99 = delays.get((int) Math.ceil(delays.size() * 0.99) - 1);
            System.out.printf("Remote successes reached the console in p50 %d ms, p99 %d ms (%d runs);"
                    + " it resumed %d ms after the server restarted%n",
                    delays.get(delays.size() / 2), p99, delays.size(), resumedAt - restartedAt);
            assertThat(p99).as("p99 ms from a remote success to the console").isLessThan(1_000);
        }
    }

    private void arrived(List<RunView> runs) {
        long now = System.currentTimeMillis();
        for (RunView run : runs) {
            newest.merge(run.jobRunId(), run, (old, fresh) -> fresh.version() > old.version() ? fresh : old);
            if ("succeeded".equals(run.state())) {
                successArrivedAt.putIfAbsent(run.jobRunId(), now);
            }
        }
    }

    /**
     * From each run's success (its finishedAt, stamped by the worker) to its arrival here, for the
     * successes a running server could pass on at once: those that arrived before the kill, and
     * those that happened after the subscription had resumed.
     */
    private List<Long> successDelays(long killedAt, long resumedAt) {
        List<Long> delays = new ArrayList<>();
        successArrivedAt.forEach((id, arrivedAt) -> {
            long finished = Instant.parse(newest.get(id).finishedAt()).toEpochMilli();
            if (arrivedAt < killedAt || finished > resumedAt) {
                delays.add(arrivedAt - finished);
            }
        });
        delays.sort(null);
        return delays;
    }

    private void awaitDelivered(int successes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (successArrivedAt.size() < successes) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the console saw " + successArrivedAt.size() + " successes, not "
                        + successes + "; logs in " + directory);
            }
            Thread.sleep(20);
        }
    }

    private void awaitSucceededInDatabase(int runs) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (rig.succeeded() < runs) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the worker stopped while the server was down; logs in " + directory);
            }
            Thread.sleep(20);
        }
    }

    /** The database's version of every run, once the console has seen each of them (or the timeout passed). */
    private Map<String, Long> awaitEveryRunDelivered(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, Long> versions = new HashMap<>();
            try (Connection connection = rig.connect(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id, version FROM jd_run")) {
                while (rows.next()) {
                    versions.put(Long.toString(rows.getLong(1)), rows.getLong(2));
                }
            }
            boolean all = versions.entrySet().stream().allMatch(run -> {
                RunView seen = newest.get(run.getKey());
                return seen != null && seen.version() == run.getValue();
            });
            if (all || System.nanoTime() > deadline) {
                return versions;
            }
            Thread.sleep(100);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
