package org.jobdeck.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jobdeck.core.catalog.JobDefinition;
import org.jobdeck.core.plan.DependencyResolver;
import org.jobdeck.queue.Batch;
import org.jobdeck.queue.Enqueuer;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.RunState;
import org.jobdeck.queue.handler.HandlerRegistry;
import org.jobdeck.queue.store.DatabaseUrl;
import org.jobdeck.queue.store.RunLog;
import org.jobdeck.queue.store.RunStore;
import org.jobdeck.queue.worker.WorkerPool;
import org.jobdeck.queue.worker.WorkerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default catalog end to end on a real store: enqueue all 17 jobs, work them with four
 * threads over the demo handlers, and every run succeeds after its upstream runs. Run on every
 * database.
 */
abstract class EnqueueAllContract {
    @TempDir
    Path dataDirectory;

    protected abstract DatabaseUrl freshDatabase();

    @Test
    void enqueueAllRunsEveryDefaultJobInDependencyOrder() throws Exception {
        try (DemoFixture fixture = DemoFixture.open(freshDatabase(), dataDirectory, DemoFixture.spec(DemoFixture.USERS))) {
            RunStore store = new RunStore(fixture.database, Clock.systemUTC());
            HandlerRegistry handlers = DemoHandlers.registerAll(new HandlerRegistry(), fixture.dataset);
            Batch batch = new Enqueuer(DemoFixture.CATALOG, store)
                    .enqueue(new DependencyResolver(DemoFixture.CATALOG).resolveAll(), Map.of(), "test", null);

            WorkerPool pool = new WorkerPool(store, DemoFixture.CATALOG, handlers,
                    WorkerSettings.defaults(4).withPoll(50).withLease(30_000, 1_000)).start();
            List<Run> runs;
            try {
                runs = awaitSettled(store, batch.id(), Duration.ofSeconds(60));
            } finally {
                pool.close();
            }

            assertThat(runs).hasSize(17);
            assertThat(runs).allSatisfy(run -> assertThat(run.state())
                    .as(run.jobName() + ": " + run.error()).isEqualTo(RunState.SUCCEEDED));
            Map<String, Run> byJob = runs.stream().collect(Collectors.toMap(Run::jobName, r -> r));
            for (JobDefinition job : DemoFixture.CATALOG.jobs()) {
                Run run = byJob.get(job.name());
                for (String dependency : job.dependencies()) {
                    assertThat(run.startedAt()).as(job.name() + " starts after " + dependency + " finished")
                            .isGreaterThanOrEqualTo(byJob.get(dependency).finishedAt());
                }
                assertThat(store.log().tail(run.id(), 5)).extracting(RunLog.Line::text)
                        .anySatisfy(line -> assertThat(line).startsWith(job.name() + ": "));
                assertThat(run.progressTotal()).as(job.name() + " reported progress").isGreaterThanOrEqualTo(0);
            }
            assertThat(fixture.count("SELECT COUNT(*) FROM demo.feed_segments")).isPositive();
            assertThat(fixture.count("SELECT COUNT(*) FROM demo.media_metadata WHERE error_message IS NOT NULL"))
                    .isEqualTo(fixture.info.corruptMedia());
        }
    }

    private static List<Run> awaitSettled(RunStore store, String batchId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Run> runs = store.reads().batch(batchId).orElseThrow().runs();
            if (runs.stream().allMatch(run -> run.state().isSettled())) {
                return runs;
            }
            if (System.nanoTime() > deadline) {
                Map<String, RunState> states = new HashMap<>();
                runs.forEach(run -> states.put(run.jobName(), run.state()));
                throw new AssertionError("timed out waiting for the batch: " + states);
            }
            Thread.sleep(20);
        }
    }
}
