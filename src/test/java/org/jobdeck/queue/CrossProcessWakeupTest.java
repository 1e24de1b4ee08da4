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
import org.jobdeck.queue.store.Database;
import org.jobdeck.queue.store.DatabaseUrl;
import org.jobdeck.queue.store.RunStore;
import org.jobdeck.queue.worker.WorkerPool;
import org.jobdeck.queue.worker.WorkerSettings;
import org.junit.jupiter.api.Test;

/**
 * Two stores on separate pools of one PostgreSQL behave as two processes: a change committed
 * through one wakes the other's workers at once (LISTEN/NOTIFY), not at their next poll, and an
 * operator's cancel through one stops a run the other is running at once, not at its next
 * heartbeat.
 */
class CrossProcessWakeupTest {
    private static final long POLL_MILLIS = 60_000; // a wake-up that waited for the poll would time the test out

    @Test
    void aSuccessInOneProcessStartsTheDownstreamRunInAnotherAtOnce() throws Exception {
        DatabaseUrl url = TestDatabases.postgres();
        JobCatalog catalog = TestCatalogs.diamond();
        try (Database here = Database.open(url, 4); Database there = Database.open(url, 4)) {
            RunStore enqueuing = new RunStore(here, Clock.systemUTC());
            RunStore working = new RunStore(there, Clock.systemUTC());
            CountDownLatch bStarted = new CountDownLatch(1);
            HandlerRegistry handlers = new HandlerRegistry();
            catalog.jobs().forEach(job -> handlers.register(job.name(), context -> {
                if (context.jobName().equals("b")) {
                    bStarted.countDown();
                }
            }));
            Batch batch = new Enqueuer(catalog, enqueuing).enqueue(
                    new DependencyResolver(catalog).resolveJobs(List.of("b")), Map.of(), "test", null);
            Run a = enqueuing.claim("this-process", 1, 30_000, null).get(0);
            // The other process's pool finds nothing to claim (a is running, b waits for it) and
            // then polls, and beats (which also wakes it), only once a minute.
            WorkerPool pool = new WorkerPool(working, catalog, handlers,
                    WorkerSettings.defaults(2).withPoll(POLL_MILLIS).withLease(2 * POLL_MILLIS, POLL_MILLIS)).start();
            try {
                Thread.sleep(500);
                assertThat(bStarted.getCount()).isEqualTo(1);

                enqueuing.succeed(a, "this-process");

                assertThat(bStarted.await(5, TimeUnit.SECONDS)).as("b started long before the next poll").isTrue();
                assertThat(batch.runs()).hasSize(2);
            } finally {
                pool.close();
            }
        }
    }

    @Test
    void aCancelInOneProcessStopsTheRunningRunInAnotherAtOnce() throws Exception {
        DatabaseUrl url = TestDatabases.postgres();
        JobCatalog catalog = TestCatalogs.diamond();
        try (Database here = Database.open(url, 4); Database there = Database.open(url, 4)) {
            RunStore operating = new RunStore(here, Clock.systemUTC());
            RunStore working = new RunStore(there, Clock.systemUTC());
            CountDownLatch started = new CountDownLatch(1);
            HandlerRegistry handlers = new HandlerRegistry();
            catalog.jobs().forEach(job -> handlers.register(job.name(), context -> {
                started.countDown();
                Thread.sleep(2 * POLL_MILLIS); // until stopped
            }));
            Batch batch = new Enqueuer(catalog, operating).enqueue(
                    new DependencyResolver(catalog).resolveJobs(List.of("a")), Map.of(), "test", null);
            String a = batch.runs().get(0).id();
            WorkerPool pool = new WorkerPool(working, catalog, handlers,
                    WorkerSettings.defaults(1).withPoll(POLL_MILLIS).withLease(2 * POLL_MILLIS, POLL_MILLIS)).start();
            try {
                assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

                operating.cancel(a);

                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (operating.find(a).orElseThrow().state() != RunState.CANCELLED && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(operating.find(a).orElseThrow().state()).as("cancelled long before the next heartbeat")
                        .isEqualTo(RunState.CANCELLED);
            } finally {
                pool.close();
            }
        }
    }
}
