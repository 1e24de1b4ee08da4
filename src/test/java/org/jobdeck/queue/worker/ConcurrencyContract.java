package org.jobdeck.queue.worker;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.catalog.JobDefinition;
import org.jobdeck.core.plan.DependencyResolver;
import org.jobdeck.queue.Batch;
import org.jobdeck.queue.Enqueuer;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.RunState;
import org.jobdeck.queue.handler.HandlerRegistry;
import org.jobdeck.queue.store.Database;
import org.jobdeck.queue.store.DatabaseUrl;
import org.jobdeck.queue.store.RunStore;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * Dependency order under real concurrency: a few thousand runs in chains, fan-outs and fan-ins,
 * worked by 4 worker pools (each with its own connection pool, as separate processes would be)
 * of 8 threads. An execution log, ordered by one global counter, proves that every run executed
 * exactly once and never started before each of its upstream runs had finished.
 */
public abstract class ConcurrencyContract {
    private static final int POOLS = 4;
    private static final int THREADS = 8;

    protected abstract DatabaseUrl freshDatabase();

    /** Chains of 10, fan-outs of 1 to 20, fan-ins of 20 to 1, and random cross edges. */
    static JobCatalog mixedCatalog(int blocks, long seed) {
        Random random = new Random(seed);
        List<JobDefinition> jobs = new ArrayList<>();
        List<String> earlier = new ArrayList<>();
        for (int block = 0; block < blocks; block++) {
            String root = "b" + block + "-root";
            jobs.add(job(root, random.nextInt(4) == 0 && !earlier.isEmpty()
                    ? List.of(earlier.get(random.nextInt(earlier.size()))) : List.of()));
            String previous = root;
            for (int i = 0; i < 10; i++) {
                String link = "b" + block + "-chain" + i;
                jobs.add(job(link, List.of(previous)));
                previous = link;
            }
            List<String> fan = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String leaf = "b" + block + "-fan" + i;
                jobs.add(job(leaf, List.of(root)));
                fan.add(leaf);
            }
            jobs.add(job("b" + block + "-join", fan));
            earlier.add(previous);
            earlier.add("b" + block + "-join");
        }
        return JobCatalog.of(null, jobs);
    }

    private static JobDefinition job(String name, List<String> deps) {
        return new JobDefinition(name, name, "load", deps, Map.of(), List.of(), List.of(), 3, 0, null);
    }

    @Test
    void everyRunExecutesOnceAndOnlyAfterItsUpstreamRuns() throws Exception {
        JobCatalog catalog = mixedCatalog(20, 42); // 20 blocks x 32 jobs = 640 runs per batch
        DatabaseUrl url = freshDatabase();
        AtomicLong clock = new AtomicLong();
        Map<String, List<long[]>> executions = new ConcurrentHashMap<>(); // run id -> [start, end]
        HandlerRegistry handlers = new HandlerRegistry();
        for (JobDefinition job : catalog.jobs()) {
            handlers.register(job.name(), context -> {
                long start = clock.incrementAndGet();
                long end = clock.incrementAndGet();
                executions.computeIfAbsent(context.runId(), k -> new CopyOnWriteArrayList<>())
                        .add(new long[] {start, end});
            });
        }

        List<Database> databases = new ArrayList<>();
        List<WorkerPool> pools = new ArrayList<>();
        try {
            for (int p = 0; p < POOLS; p++) {
                databases.add(Database.open(url, THREADS + 2));
            }
            RunStore enqueueStore = new RunStore(databases.get(0), Clock.systemUTC());
            Enqueuer enqueuer = new Enqueuer(catalog, enqueueStore);
            List<Batch> batches = new ArrayList<>();
            for (int b = 0; b < 4; b++) {
                batches.add(enqueuer.enqueue(new DependencyResolver(catalog).resolveAll(), Map.of(), "load", null));
            }
            for (int p = 0; p < POOLS; p++) {
                RunStore store = new RunStore(databases.get(p), Clock.systemUTC());
                pools.add(new WorkerPool(store, catalog, handlers,
                        WorkerSettings.defaults(THREADS).withWorkerId("pool-" + p).withPoll(20)).start());
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!enqueueStore.reads().isIdle()) {
                assertThat(System.nanoTime()).as("all runs done within 3 minutes").isLessThan(deadline);
                Thread.sleep(50);
            }

            List<Run> runs = new ArrayList<>();
            batches.forEach(batch -> runs.addAll(enqueueStore.reads().batch(batch.id()).orElseThrow().runs()));
            assertThat(runs).hasSize(4 * catalog.size());
            assertThat(runs).allSatisfy(run -> assertThat(run.state()).isEqualTo(RunState.SUCCEEDED));
            Map<String, long[]> once = new HashMap<>();
            for (Run run : runs) {
                List<long[]> times = executions.get(run.id());
                assertThat(times).as("executions of run %s (%s)", run.id(), run.jobName()).hasSize(1);
                once.put(run.id(), times.get(0));
            }
            for (Run run : runs) {
                for (String upstream : run.upstream()) {
                    assertThat(once.get(run.id())[0])
                            .as("run %s (%s) started after upstream %s ended", run.id(), run.jobName(), upstream)
                            .isGreaterThan(once.get(upstream)[1]);
                }
            }
        } finally {
            pools.forEach(WorkerPool::close);
            databases.forEach(Database::close);
        }
    }
}
