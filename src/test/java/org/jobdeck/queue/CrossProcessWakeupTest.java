package org.jobdeck.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.plan.DependencyResolver;
import org.jobdeck.queue.handler.HandlerRegistry;
import org.jobdeck.queue.handler.JobHandler;
import org.jobdeck.queue.store.Database;
import org.jobdeck.queue.store.RunStore;
import org.jobdeck.queue.worker.WorkerPool;
import org.jobdeck.queue.worker.WorkerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two stores on separate pools of one PostgreSQL behave as two processes: a change committed
 * through one wakes the other's workers at once (LISTEN/NOTIFY), not at their next poll, and an
 * operator's cancel through one stops a run the other is running at once, not at its next
 * heartbeat.
 */
class CrossProcessWakeupTest {
    private static final long POLL_MILLIS = 60_000; // a wake-up that waited for the poll would time the test out

    private final JobCatalog catalog = TestCatalogs.diamond();
    private Database here;
    private Database there;
    /** This process's store, and the other process's, whose pool polls and beats once a minute. */
    private RunStore local;
    private RunStore remote;

    @BeforeEach
    void openTwoProcesses() {
        var url = TestDatabases.postgres();
        here = Database.open(url, 4);
        there = Database.open(url, 4);
        local = new RunStore(here, Clock.systemUTC());
        remote = new RunStore(there, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        here.close();
        there.close();
    }

    private Batch enqueue(String job) {
        return new Enqueuer(catalog, local).enqueue(
                new DependencyResolver(catalog).resolveJobs(List.of(job)), Map.of(), "test", null);
    }

    /**
     * The other process's pool, with {@code handler} for every job, started once that process
     * listens for notifications (one sent before would be missed, and only the heartbeat would
     * catch up).
     */
    private WorkerPool remotePool(int threads, JobHandler handler) throws InterruptedException {
        HandlerRegistry handlers = new HandlerRegistry();
        catalog.jobs().forEach(job -> handlers.register(job.name(), handler));
        WorkerPool pool = new WorkerPool(remote, catalog, handlers,
                WorkerSettings.defaults(threads).withPoll(POLL_MILLIS).withLease(2 * POLL_MILLIS, POLL_MILLIS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!there.listening()) {
            assertThat(System.nanoTime()).as("the other process listens within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
        return pool.start();
    }

    @Test
    void aSuccessInOneProcessStartsTheDownstreamRunInAnotherAtOnce() throws Exception {
        CountDownLatch bStarted = new CountDownLatch(1);
        Batch batch = enqueue("b");
        Run a = local.leases().claim("this-process", 1, 30_000, null).get(0);
        // The other process's pool finds nothing to claim (a is running, b waits for it) and
        // then polls, and beats (which also wakes it), only once a minute.
        try (WorkerPool pool = remotePool(2, context -> {
            if (context.jobName().equals("b")) {
                bStarted.countDown();
            }
        })) {
            Thread.sleep(500);
            assertThat(bStarted.getCount()).isEqualTo(1);

            local.leases().succeed(a, "this-process");

            assertThat(bStarted.await(5, TimeUnit.SECONDS)).as("b started long before the next poll").isTrue();
            assertThat(batch.runs()).hasSize(2);
        }
    }

    @Test
    void aCancelInOneProcessStopsTheRunningRunInAnotherAtOnce() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        String a = enqueue("a").runs().get(0).id();
        try (WorkerPool pool = remotePool(1, context -> {
            started.countDown();
            Thread.sleep(2 * POLL_MILLIS); // until stopped
        })) {
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            local.commands().cancel(a);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (local.reads().find(a).orElseThrow().state() != RunState.CANCELLED && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(local.reads().find(a).orElseThrow().state()).as("cancelled long before the next heartbeat")
                    .isEqualTo(RunState.CANCELLED);
        }
    }
}
