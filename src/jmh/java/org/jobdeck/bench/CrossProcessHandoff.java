package org.jobdeck.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jobdeck.bench.BenchDatabases.Kind;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.plan.DependencyResolver;
import org.jobdeck.queue.Enqueuer;
import org.jobdeck.queue.RunState;
import org.jobdeck.queue.handler.JobHandler;
import org.jobdeck.queue.store.Database;
import org.jobdeck.queue.store.DatabaseUrl;
import org.jobdeck.queue.store.RunStore;
import org.jobdeck.queue.worker.WorkerPool;
import org.jobdeck.queue.worker.WorkerSettings;

/**
 * How long a downstream run waits after its upstream run succeeded in another process: the
 * hand-off across JVMs, which only LISTEN/NOTIFY makes fast (without it a pool finds new work
 * when its own poll comes round).
 *
 * <p>This JVM enqueues, and never works: {@code --processes} worker JVMs (this class in child
 * mode, started once and reused by every round) each run a {@link WorkerPool} of
 * {@code --threads} on the same PostgreSQL. Each round enqueues as many chains as there are
 * worker threads in all (so runs never queue for a thread), of {@code --length} no-op runs. Each
 * handler stamps its start and return with the wall clock (one clock: the processes share a
 * machine). A link is cross-process when the upstream and downstream runs ran in different
 * JVMs; its hand-off is the upstream handler's return to the downstream handler's start, which
 * includes the upstream's commit, its notification and the downstream's claim.
 *
 * <p>Run: {@code mvn -B -q -Pbench -DskipTests compile exec:exec
 * -Dbench.main=org.jobdeck.bench.CrossProcessHandoff -Djmh.args="--rounds=5"}, with
 * {@code JOBDECK_BENCH_PG_URL} for a PostgreSQL of your own (else embedded). Options:
 * {@code --processes=2}, {@code --threads=2}, {@code --length=200}, {@code --rounds=5} (after
 * one warm-up round).
 */
public final class CrossProcessHandoff {
    private static final String TAG = "@@ ";

    private CrossProcessHandoff() {
    }

    public static void main(String[] args) {
        BenchHarness.run(() -> {
            Map<String, String> values = BenchArgs.parse(args);
            if (values.containsKey("child")) {
                child(Integer.parseInt(values.get("threads")), Integer.parseInt(values.get("chains")),
                        Integer.parseInt(values.get("length")));
            } else {
                coordinate(Integer.parseInt(values.getOrDefault("processes", "2")),
                        Integer.parseInt(values.getOrDefault("threads", "2")),
                        Integer.parseInt(values.getOrDefault("length", "200")),
                        Integer.parseInt(values.getOrDefault("rounds", "5")));
            }
        });
    }

    // The coordinator

    private static void coordinate(int processes, int threads, int length, int rounds) throws Exception {
        int chains = processes * threads;
        System.out.printf(Locale.ROOT, "CrossProcessHandoff: %d worker JVMs x %d threads, %d chains of %d no-op runs;"
                + " %s; %d measured rounds after 1 warm-up%n", processes, threads, chains, length,
                BenchHarness.machine(), rounds);
        List<Double> cross = new ArrayList<>();
        List<Double> same = new ArrayList<>();
        List<Double> roundP99 = new ArrayList<>();
        try (BenchDatabases databases = new BenchDatabases()) {
            System.out.println("PostgreSQL: " + databases.postgresDescription());
            List<Child> children = new ArrayList<>();
            for (int p = 0; p < processes; p++) {
                children.add(Child.spawn(threads, chains, length));
            }
            try {
                for (int round = 0; round <= rounds; round++) {
                    Map<String, List<Double>> links = round(databases, children, chains, length);
                    Stats crossRound = Stats.of(links.get("cross"));
                    System.out.printf(Locale.ROOT, "%-8s cross-process links %4d: p50 %.2f p99 %.2f max %.2f ms;"
                            + " same-process links %4d: p50 %.2f p99 %.2f ms [load %.1f]%n",
                            round == 0 ? "warm-up" : "round " + round, crossRound.count(), crossRound.median(),
                            crossRound.percentile(99), crossRound.max(), links.get("same").size(),
                            Stats.of(links.get("same")).median(), Stats.of(links.get("same")).percentile(99),
                            QueueBenchmark.loadAverage());
                    if (round > 0) {
                        cross.addAll(links.get("cross"));
                        same.addAll(links.get("same"));
                        roundP99.add(crossRound.percentile(99));
                    }
                }
            } finally {
                children.forEach(Child::close);
            }
        }
        Stats all = Stats.of(cross);
        System.out.println();
        System.out.println("| links | count | p50 ms | p99 ms | max ms | p99 per round, median (min-max) |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| cross-process | %d | %.2f | %.2f | %.2f | %s |%n", all.count(), all.median(),
                all.percentile(99), all.max(), Stats.of(roundP99).medianRange("%.2f"));
        Stats within = Stats.of(same);
        System.out.printf(Locale.ROOT, "| same process | %d | %.2f | %.2f | %.2f | |%n", within.count(),
                within.median(), within.percentile(99), within.max());
    }

    /** One round on a fresh database: the hand-offs of its links, split into "cross" and "same". */
    private static Map<String, List<Double>> round(BenchDatabases databases, List<Child> children, int chains,
                                                   int length) throws Exception {
        DatabaseUrl url = databases.fresh(Kind.POSTGRES);
        try (Database database = Database.open(url)) {
            RunStore store = new RunStore(database);
            for (Child child : children) {
                child.prepare(url);
            }
            JobCatalog catalog = NoOpCatalogs.chains(chains, length);
            new Enqueuer(catalog, store).enqueue(new DependencyResolver(catalog).resolveAll(), Map.of(), "bench", null);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (store.reads().countByState().get(RunState.SUCCEEDED) < chains * length) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("runs not done after 10 minutes: " + store.reads().countByState());
                }
                Thread.sleep(20);
            }
            Map<String, long[]> stamps = new HashMap<>(); // job -> {process, start, return}
            for (int p = 0; p < children.size(); p++) {
                for (Map.Entry<String, long[]> run : children.get(p).stop().entrySet()) {
                    if (stamps.put(run.getKey(), new long[] {p, run.getValue()[0], run.getValue()[1]}) != null) {
                        throw new IllegalStateException(run.getKey() + " ran in two processes");
                    }
                }
            }
            Map<String, List<Double>> links = new LinkedHashMap<>();
            links.put("cross", new ArrayList<>());
            links.put("same", new ArrayList<>());
            for (int c = 0; c < chains; c++) {
                for (int i = 1; i < length; i++) {
                    long[] up = stamps.get(NoOpCatalogs.chainJob(c, i - 1));
                    long[] down = stamps.get(NoOpCatalogs.chainJob(c, i));
                    double millis = (down[1] - up[2]) / 1e3;
                    links.get(up[0] == down[0] ? "same" : "cross").add(millis);
                }
            }
            return links;
        } finally {
            databases.cleanUp();
        }
    }

    /** The coordinator's handle on one worker JVM. */
    private static final class Child {
        private final Process process;
        private final PrintWriter input;
        private final BufferedReader output;

        private Child(Process process) {
            this.process = process;
            this.input = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        static Child spawn(int threads, int chains, int length) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), CrossProcessHandoff.class.getName(),
                    "--child=true", "--threads=" + threads, "--chains=" + chains, "--length=" + length));
            Child child = new Child(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
            child.expect("STARTED");
            return child;
        }

        void prepare(DatabaseUrl url) throws IOException {
            input.println("ROUND " + url.jdbcUrl());
            expect("READY");
        }

        /** Stops the child's pool; returns, per job it ran, {start, return} in epoch microseconds. */
        Map<String, long[]> stop() throws IOException {
            input.println("STOP");
            Map<String, long[]> runs = new HashMap<>();
            String line;
            while (!"END".equals(line = readLine())) {
                if (line == null) {
                    throw new IllegalStateException("worker JVM ended early: exit " + process.exitValue());
                }
                String[] parts = line.split(" ");
                runs.put(parts[0], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
            }
            return runs;
        }

        void close() {
            input.println("EXIT");
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        private void expect(String word) throws IOException {
            String line = readLine();
            if (!word.equals(line)) {
                throw new IllegalStateException("worker JVM: expected " + word + ", got " + line);
            }
        }

        private String readLine() throws IOException {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith(TAG)) {
                    return line.substring(TAG.length());
                }
                System.out.println("[worker JVM] " + line);
            }
            return null;
        }
    }

    // A worker JVM

    private static void child(int threads, int chains, int length) throws Exception {
        JobCatalog catalog = NoOpCatalogs.chains(chains, length);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println(TAG + "STARTED");
        Database database = null;
        WorkerPool pool = null;
        Map<String, long[]> stamps = new ConcurrentHashMap<>();
        String command;
        while ((command = commands.readLine()) != null) {
            if (command.startsWith("ROUND ")) {
                stamps.clear();
                database = Database.open(DatabaseUrl.parse(command.substring("ROUND ".length())));
                JobHandler handler = context -> {
                    long started = epochMicros();
                    stamps.put(context.jobName(), new long[] {started, epochMicros()});
                };
                pool = new WorkerPool(new RunStore(database), catalog,
                        NoOpCatalogs.handlers(catalog, handler), WorkerSettings.defaults(threads));
                pool.start();
                System.out.println(TAG + "READY");
            } else if ("STOP".equals(command)) {
                pool.close();
                database.close();
                stamps.forEach((job, times) -> System.out.println(TAG + job + " " + times[0] + " " + times[1]));
                System.out.println(TAG + "END");
            } else if ("EXIT".equals(command)) {
                return;
            }
        }
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
}
