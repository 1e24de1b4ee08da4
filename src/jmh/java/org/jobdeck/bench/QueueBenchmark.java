package org.jobdeck.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jobdeck.bench.BenchDatabases.Kind;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.plan.DependencyResolver;
import org.jobdeck.core.plan.Plan;
import org.jobdeck.queue.Enqueuer;
import org.jobdeck.queue.RunState;
import org.jobdeck.queue.store.Database;
import org.jobdeck.queue.store.DatabaseUrl;
import org.jobdeck.queue.store.RunStore;
import org.jobdeck.queue.worker.WorkerPool;
import org.jobdeck.queue.worker.WorkerSettings;

/**
 * How many no-op runs the queue claims and completes per second, and how long a
 * downstream run waits after its upstream run succeeded.
 *
 * <p>Each round gets a fresh database, enqueues its batches through {@link Enqueuer} and
 * {@link DependencyResolver} (not timed), then times a {@link WorkerPool} of N threads from
 * {@code start()} until the last run's success committed (and checks that the store is then
 * idle). Workloads: {@code independent} (batches of 1,000 jobs without dependencies),
 * {@code chains} (chains of 100, many more chains than threads, so runs also wait for a free
 * thread) and {@code handoff} (as many chains as threads: the latency from an upstream commit to
 * the downstream handler's start, without queueing).
 *
 * <p>Run: {@code mvn -B -q -Pbench -DskipTests compile exec:exec
 * -Dbench.main=org.jobdeck.bench.QueueBenchmark -Djmh.args="--dbs=h2file,h2mem,pg --rounds=5"}.
 * Options: {@code --dbs}, {@code --threads=1,4,8}, {@code --rounds=5} (after one warm-up round),
 * {@code --workloads=independent,chains,handoff}, {@code --independent=10000},
 * {@code --chains=50}, {@code --length=100}, {@code --handoff-threads=4}.
 */
public final class QueueBenchmark {
    private final Options options;
    private final BenchDatabases databases = new BenchDatabases();
    private final Map<String, List<Double>> throughput = new LinkedHashMap<>();
    private final Map<String, List<Double>> handoffs = new LinkedHashMap<>();
    private final Map<String, List<Double>> roundP99 = new LinkedHashMap<>();
    private final Map<String, List<Double>> jvmCpu = new LinkedHashMap<>();
    private final Map<String, List<Double>> pgCpu = new LinkedHashMap<>();
    private CpuMeter cpu = new CpuMeter(0);

    private QueueBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        BenchHarness.run(() -> {
            QueueBenchmark benchmark = new QueueBenchmark(Options.parse(args));
            try {
                benchmark.run();
            } finally {
                benchmark.databases.close();
            }
        });
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "QueueBenchmark: %s, %s; %d measured rounds after 1 warm-up%n",
                options, BenchHarness.machine(), options.rounds);
        for (Kind kind : options.dbs) {
            if (kind == Kind.POSTGRES) {
                System.out.println("PostgreSQL: " + databases.postgresDescription());
            }
            cpu = new CpuMeter(kind == Kind.POSTGRES ? databases.postmasterPid() : 0);
            for (int round = 0; round <= options.rounds; round++) {
                boolean warmUp = round == 0;
                for (String workload : options.workloads) {
                    for (int threads : "handoff".equals(workload) ? new int[] {options.handoffThreads} : options.threads) {
                        measure(kind, workload, threads, round, warmUp);
                    }
                }
            }
        }
        report();
    }

    private void measure(Kind kind, String workload, int threads, int round, boolean warmUp) throws Exception {
        JobCatalog catalog = switch (workload) {
            case "independent" -> NoOpCatalogs.independent(1_000);
            case "chains" -> NoOpCatalogs.chains(options.chains, options.length);
            case "handoff" -> NoOpCatalogs.chains(threads, options.length);
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        };
        int batches = "independent".equals(workload) ? Math.max(1, options.independent / catalog.size()) : 1;
        int runs = batches * catalog.size();
        DatabaseUrl url = databases.fresh(kind);
        String key = kind.label + " | " + workload + " | " + threads;
        try (Database database = Database.open(url)) {
            RunStore store = new RunStore(database);
            Plan plan = new DependencyResolver(catalog).resolveAll();
            Enqueuer enqueuer = new Enqueuer(catalog, store);
            for (int b = 0; b < batches; b++) {
                enqueuer.enqueue(plan, Map.of(), "bench", null);
            }
            RunRecorder recorder = new RunRecorder(catalog, runs);
            recorder.attach(store);
            System.gc();
            WorkerPool pool = new WorkerPool(store, catalog, NoOpCatalogs.handlers(catalog, recorder.handler()),
                    WorkerSettings.defaults(threads));
            long[] cpuBefore = cpu.sample();
            long start = System.nanoTime();
            try {
                pool.start();
                if (!recorder.awaitAll(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException(key + ": " + recorder.remaining() + " runs still not done after 10 minutes");
                }
            } finally {
                pool.close();
            }
            long[] cpuAfter = cpu.sample();
            double jvmMicros = (cpuAfter[0] - cpuBefore[0]) / 1e3 / runs;
            double pgMicros = (cpuAfter[1] - cpuBefore[1]) / 1e3 / runs;
            double seconds = (recorder.lastCommitNanos() - start) / 1e9;
            int succeeded = store.reads().countByState().get(RunState.SUCCEEDED);
            if (!store.reads().isIdle() || succeeded != runs) {
                throw new IllegalStateException(key + ": store not idle after the last commit: " + store.reads().countByState());
            }
            double rate = runs / seconds;
            String line = String.format(Locale.ROOT, "%-8s %-40s %6d runs in %7.3f s = %7.0f runs/s;"
                    + " CPU/run: JVM %4.0f us, PostgreSQL %4.0f us",
                    warmUp ? "warm-up" : "round " + round, key, runs, seconds, rate, jvmMicros, pgMicros);
            if (!"independent".equals(workload)) {
                double[] handoff = handoffMillis(recorder, "handoff".equals(workload) ? threads : options.chains);
                Stats links = Stats.of(handoff);
                line += String.format(Locale.ROOT, "; hand-off p50 %.2f p99 %.2f max %.2f ms",
                        links.median(), links.percentile(99), links.max());
                if (!warmUp) {
                    Arrays.stream(handoff).forEach(v -> handoffs.computeIfAbsent(key, k -> new ArrayList<>()).add(v));
                    roundP99.computeIfAbsent(key, k -> new ArrayList<>()).add(links.percentile(99));
                }
            }
            System.out.println(line + String.format(Locale.ROOT, " [load %.1f]", loadAverage()));
            if (!warmUp) {
                throughput.computeIfAbsent(key, k -> new ArrayList<>()).add(rate);
                jvmCpu.computeIfAbsent(key, k -> new ArrayList<>()).add(jvmMicros);
                pgCpu.computeIfAbsent(key, k -> new ArrayList<>()).add(pgMicros);
            }
        } finally {
            databases.cleanUp();
        }
    }

    /** The 1-minute load average, to tell rounds disturbed by other processes (NaN where unknown). */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Per link of every chain: upstream handler return -> downstream handler start, in ms. */
    private double[] handoffMillis(RunRecorder recorder, int chains) {
        double[] links = new double[chains * (options.length - 1)];
        int n = 0;
        for (int c = 0; c < chains; c++) {
            for (int i = 1; i < options.length; i++) {
                links[n++] = (recorder.started(NoOpCatalogs.chainJob(c, i))
                        - recorder.returned(NoOpCatalogs.chainJob(c, i - 1))) / 1e6;
            }
        }
        return links;
    }

    private void report() {
        System.out.println();
        System.out.println("## Throughput: no-op runs/s, median (min-max) of " + options.rounds + " rounds");
        System.out.println();
        System.out.println("| database | workload | threads | runs/s | CPU us/run: JVM | PostgreSQL |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        throughput.forEach((key, values) -> {
            String[] parts = key.split(" \\| ");
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.0f | %.0f |%n", parts[0], parts[1], parts[2],
                    Stats.of(values).medianRange("%.0f"), Stats.of(jvmCpu.get(key)).median(),
                    Stats.of(pgCpu.get(key)).median());
        });
        System.out.println();
        System.out.println("## Hand-off (upstream handler return -> downstream handler start), ms: all links of all " + options.rounds + " rounds pooled");
        System.out.println();
        System.out.println("| database | workload | threads | links | p50 | p99 | max | p99 per round, median (min-max) |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        handoffs.forEach((key, values) -> {
            String[] parts = key.split(" \\| ");
            Stats links = Stats.of(values);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %d | %.2f | %.2f | %.2f | %s |%n",
                    parts[0], parts[1], parts[2], links.count(), links.median(), links.percentile(99),
                    links.max(), Stats.of(roundP99.get(key)).medianRange("%.2f"));
        });
    }

    /** Command-line options, {@code --name=value}. */
    private record Options(List<Kind> dbs, int[] threads, int rounds, List<String> workloads,
                           int independent, int chains, int length, int handoffThreads) {
        static Options parse(String[] args) {
            Map<String, String> values = BenchArgs.parse(args);
            List<Kind> dbs = Arrays.stream(values.getOrDefault("dbs", "h2file,h2mem,pg").split(","))
                    .map(Kind::parse).toList();
            int[] threads = Arrays.stream(values.getOrDefault("threads", "1,4,8").split(","))
                    .mapToInt(Integer::parseInt).toArray();
            return new Options(dbs, threads, Integer.parseInt(values.getOrDefault("rounds", "5")),
                    List.of(values.getOrDefault("workloads", "independent,chains,handoff").split(",")),
                    Integer.parseInt(values.getOrDefault("independent", "10000")),
                    Integer.parseInt(values.getOrDefault("chains", "50")),
                    Integer.parseInt(values.getOrDefault("length", "100")),
                    Integer.parseInt(values.getOrDefault("handoff-threads", "4")));
        }

        @Override
        public String toString() {
            return "dbs=" + dbs + " threads=" + Arrays.toString(threads) + " workloads=" + workloads
                    + " independent=" + independent + " chains=" + chains + "x" + length
                    + " handoff=" + handoffThreads + " chains on " + handoffThreads + " threads";
        }
    }
}
