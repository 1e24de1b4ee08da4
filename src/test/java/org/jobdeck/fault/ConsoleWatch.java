package org.jobdeck.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jobdeck.api.RunStatus;
import org.jobdeck.api.RunView;
import org.jobdeck.client.RestJobsApi;

/**
 * What a console sees of a {@code jobdeck serve} process: a {@link RestJobsApi} subscribed to its
 * event stream, keeping per run the newest snapshot and when its success arrived.
 */
final class ConsoleWatch implements AutoCloseable {
    final Map<String, RunView> newest = new ConcurrentHashMap<>();
    final Map<String, Long> successArrivedAt = new ConcurrentHashMap<>();
    final RestJobsApi api;
    private final AutoCloseable subscription;

    ConsoleWatch(int port, String token) {
        api = RestJobsApi.connect("http://127.0.0.1:" + port, token);
        subscription = api.subscribe(this::arrived);
    }

    private void arrived(List<RunView> runs) {
        long now = System.currentTimeMillis();
        for (RunView run : runs) {
            newest.merge(run.jobRunId(), run, (old, fresh) -> fresh.version() > old.version() ? fresh : old);
            if (run.state() == RunStatus.SUCCEEDED) {
                successArrivedAt.putIfAbsent(run.jobRunId(), now);
            }
        }
    }

    void awaitSuccesses(int successes, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (successArrivedAt.size() < successes) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the console saw " + successArrivedAt.size() + " successes, not " + successes);
            }
            Thread.sleep(20);
        }
    }

    /**
     * Waits (up to {@code timeout}) until the console has every run at the database's version,
     * then asserts that it has: no change was missed, and every run succeeded.
     */
    void assertSeesEveryRunAsTheDatabaseHas(FaultRig rig, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> versions = rig.runVersions();
        while (!versions.entrySet().stream().allMatch(this::delivered) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            versions = rig.runVersions();
        }
        assertThat(versions).hasSize(FaultRig.JOBS);
        long missed = versions.entrySet().stream().filter(run -> !delivered(run)).count();
        assertThat(missed).as("runs the console does not have at the database's version (of %d; it has %d)",
                versions.size(), newest.size()).isZero();
        for (Map.Entry<String, Long> run : versions.entrySet()) {
            RunView seen = newest.get(run.getKey());
            assertThat(seen).as("run %s delivered", run.getKey()).isNotNull();
            assertThat(seen.version()).as("version of run %s", run.getKey()).isEqualTo(run.getValue());
            assertThat(seen.state()).isEqualTo(RunStatus.SUCCEEDED);
        }
    }

    private boolean delivered(Map.Entry<String, Long> run) {
        RunView seen = newest.get(run.getKey());
        return seen != null && seen.version() == run.getValue();
    }

    @Override
    public void close() throws Exception {
        subscription.close();
        api.close();
    }
}
