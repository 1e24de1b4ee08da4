package org.jobdeck.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.plan.DependencyResolver;
import org.jobdeck.demo.DatasetSpec;
import org.jobdeck.demo.DemoDataset;
import org.jobdeck.demo.DemoHandlers;
import org.jobdeck.queue.Batch;
import org.jobdeck.queue.Enqueuer;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.RunState;
import org.jobdeck.queue.handler.HandlerRegistry;
import org.jobdeck.queue.store.Database;
import org.jobdeck.queue.store.DatabaseUrl;
import org.jobdeck.queue.store.RunStore;
import org.jobdeck.queue.worker.WorkerPool;
import org.jobdeck.queue.worker.WorkerSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The default catalog on the demo dataset: enqueue all 17 jobs on the embedded H2 queue and work
 * them with a pool of 1 or 4 handler threads until every run is settled.
 *
 * <p>Each measurement is one batch on a fresh in-memory H2 database whose dataset (2,000 users,
 * 20,000 posts, 500 media files by default) is generated in the iteration's setup, not timed.
 * Single-shot: the score of an iteration is that one batch's wall time; report the median over
 * the measurement iterations. Each iteration also prints its five longest runs, to see what
 * dominates the critical path.
 *
 * <p>Run: {@code mvn -B -q -Pbench -DskipTests compile exec:exec -Djmh.args="DemoBenchmark"}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 2)
@Measurement(iterations = 7)
@State(Scope.Benchmark)
public class DemoBenchmark {
    @Param({"1", "4"})
    public int threads;

    @Param({"2000"})
    public int users;

    private JobCatalog catalog;
    private Database database;
    private Path dataDirectory;
    private RunStore store;
    private HandlerRegistry handlers;
    private final Semaphore changes = new Semaphore(0);

    @Setup(Level.Trial)
    public void readCatalog() {
        catalog = CatalogReader.readDefault().toCatalog();
    }

    @Setup(Level.Iteration)
    public void freshDatabaseWithDataset() throws IOException {
        database = Database.open(DatabaseUrl.parse("jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        dataDirectory = Files.createTempDirectory("jobdeck-bench-");
        DemoDataset dataset = DemoDataset.at(database, dataDirectory);
        dataset.generate(DatasetSpec.ofUsers(users, Instant.now()));
        store = new RunStore(database);
        handlers = DemoHandlers.registerAll(new HandlerRegistry(), dataset);
        store.reads().onChange(changes::release);
        System.gc();
    }

    @Benchmark
    public int enqueueAllUntilSettled() throws InterruptedException {
        long cpuAtStart = processCpuMillis();
        Batch batch = new Enqueuer(catalog, store)
                .enqueue(new DependencyResolver(catalog).resolveAll(), Map.of(), "bench", null);
        Map<String, Long> threadCpuAtStart = threadCpuByName();
        WorkerPool pool = new WorkerPool(store, catalog, handlers,
                WorkerSettings.defaults(threads).withPoll(50).withBatch(batch.id())).start();
        List<Run> runs;
        String threadCpu;
        try {
            do {
                // Woken by the store's commits, not by polling: the waiting thread takes no CPU
                // from the workers.
                changes.tryAcquire(1, TimeUnit.SECONDS);
                changes.drainPermits();
                runs = store.reads().batch(batch.id()).orElseThrow().runs();
            } while (!runs.stream().allMatch(run -> run.state().isSettled()));
            threadCpu = cpuByThreadKind(threadCpuAtStart);
        } finally {
            pool.close();
        }
        for (Run run : runs) {
            if (run.state() != RunState.SUCCEEDED) {
                throw new IllegalStateException(run.jobName() + " " + run.state().wireName() + ": " + run.error());
            }
        }
        long runTotal = runs.stream().mapToLong(run -> run.finishedAt() - run.startedAt()).sum();
        long cpu = processCpuMillis() - cpuAtStart;
        System.out.println("# " + threads + " thread(s): runs took " + runTotal + " ms in all, process CPU "
                + cpu + " ms (" + threadCpu + "); longest runs: " + runs.stream()
                .sorted(Comparator.comparingLong((Run run) -> run.finishedAt() - run.startedAt()).reversed())
                .limit(5)
                .map(run -> run.jobName() + " " + (run.finishedAt() - run.startedAt()) + " ms")
                .collect(Collectors.joining(", ")));
        return runs.size();
    }

    /**
     * CPU time in ms of every thread of this process (JIT and GC threads included), summed by
     * name with digits removed, from /proc/self/task. Threads that ended in between are missing.
     */
    private static Map<String, Long> threadCpuByName() {
        Map<String, Long> cpu = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "#");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    cpu.merge(name, ticks * 10, Long::sum); // USER_HZ = 100
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while we listed
                }
            }
        } catch (IOException e) {
            return cpu;
        }
        return cpu;
    }

    /** Where the process CPU went since {@code before}: the Java threads that used 50 ms or more. */
    private static String cpuByThreadKind(Map<String, Long> before) {
        return threadCpuByName().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() >= 50)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** CPU time of this JVM, all threads: compared with the wall time, it shows CPU taken by other processes. */
    private static long processCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    @TearDown(Level.Iteration)
    public void dropDatabase() throws IOException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // closing it anyway
        }
        database.close();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
