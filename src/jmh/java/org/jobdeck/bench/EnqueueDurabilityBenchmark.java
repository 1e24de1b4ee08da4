package org.jobdeck.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jobdeck.api.EnqueueRequest;
import org.jobdeck.api.PlanRequest;
import org.jobdeck.client.EmbeddedJobsApi;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.queue.handler.HandlerRegistry;
import org.jobdeck.queue.store.DatabaseUrl;

/**
 * What a confirmed enqueue costs on the embedded H2 file: the latency of one enqueue of the feed
 * group (6 runs, one transaction) from the call to its return, with one caller, and the batches
 * per second with several callers at once. Each round opens a fresh database in a temp directory
 * through the same API every face uses (no workers, so only enqueues write).
 *
 * <p>The class compiles against the API of any Jobdeck version since the REST server landed, so
 * the same file can measure an older checkout beside this one (BENCHMARKS.md has the steps).
 *
 * <p>Run: {@code mvn -B -q -Pbench -DskipTests compile exec:exec
 * -Dbench.main=org.jobdeck.bench.EnqueueDurabilityBenchmark -Djmh.args="--rounds=5"}. Options:
 * {@code --rounds=5}, {@code --enqueues=300} (per round, one caller), {@code --callers=4},
 * {@code --parallel-enqueues=600}.
 */
public final class EnqueueDurabilityBenchmark {
    private EnqueueDurabilityBenchmark() {
    }

    public static void main(String[] args) {
        BenchHarness.run(() -> measure(BenchArgs.parse(args)));
    }

    private static void measure(Map<String, String> options) throws Exception {
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        int enqueues = Integer.parseInt(options.getOrDefault("enqueues", "300"));
        int callers = Integer.parseInt(options.getOrDefault("callers", "4"));
        int parallel = Integer.parseInt(options.getOrDefault("parallel-enqueues", "600"));
        System.out.printf(Locale.ROOT, "EnqueueDurabilityBenchmark: %d rounds after 1 warm-up; %s%n", rounds,
                BenchHarness.machine());
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> throughput = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            Path directory = Files.createTempDirectory("jobdeck-durability-");
            try (EmbeddedJobsApi api = EmbeddedJobsApi.open(CatalogReader.readDefault().toCatalog(),
                    DatabaseUrl.parse("jdbc:h2:" + directory.resolve("jobdeck")), new HandlerRegistry(), null)) {
                double[] latencies = latencies(api, enqueues);
                double perSecond = throughput(api, callers, parallel);
                if (round == 0) {
                    continue;
                }
                p50.add(Stats.of(latencies).percentile(50));
                p99.add(Stats.of(latencies).percentile(99));
                throughput.add(perSecond);
                System.out.printf(Locale.ROOT, "round %d: enqueue p50 %.2f ms, p99 %.2f ms; %d callers: %.0f batches/s%n",
                        round, p50.get(p50.size() - 1), p99.get(p99.size() - 1), callers, perSecond);
            }
        }
        System.out.printf(Locale.ROOT, "median (min-max) of rounds: enqueue p50 %s ms, p99 %s ms; %d callers: %s batches/s%n",
                Stats.of(p50).medianRange("%.2f"), Stats.of(p99).medianRange("%.2f"), callers,
                Stats.of(throughput).medianRange("%.0f"));
    }

    private static double[] latencies(EmbeddedJobsApi api, int count) {
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            api.enqueue(EnqueueRequest.of(PlanRequest.group("feed"), "bench"));
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    private static double throughput(EmbeddedJobsApi api, int callers, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int caller = 0; caller < callers; caller++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < total / callers; i++) {
                        api.enqueue(EnqueueRequest.of(PlanRequest.group("feed"), "bench"));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            return (total / callers) * callers / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }
}
