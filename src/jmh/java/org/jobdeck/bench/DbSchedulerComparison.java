package org.jobdeck.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * Jobdeck against db-scheduler (com.github.kagkarlsson:db-scheduler 16.x, polling strategy
 * lock-and-fetch) on one PostgreSQL, in one run: no-op executions per second with 1, 4 and 16
 * threads in one process, and with 2 processes of 4 threads each.
 *
 * <p>Each measurement gets a fresh database ({@link BenchDatabases}). Not timed: Jobdeck enqueues
 * {@code --runs} independent no-op runs (batches of 1,000 jobs without dependencies) through
 * {@link Enqueuer}; db-scheduler schedules as many one-time task instances, due now, through
 * {@link SchedulerClient#scheduleBatch}; then {@code ANALYZE} on the queue table (both). Timed:
 * from {@code WorkerPool.start()} / {@code Scheduler.start()} to the commit of the last
 * completion: Jobdeck's last success group commit (the store's change listener on the success
 * recorder's thread), db-scheduler's last {@code onExecutionComplete}, which it fires after
 * the completion's DELETE. Then it checks that every run succeeded exactly once (Jobdeck: all
 * {@code succeeded}, store idle, one handler call per run; db-scheduler: table empty, one
 * handler call per instance).
 *
 * <p>Both run with their guarantees on. Jobdeck: {@link WorkerSettings#defaults} (30 s leases
 * renewed every 3 s, fenced completion, downstream release in the completing transaction).
 * db-scheduler: {@code pollUsingLockAndFetch(lower, upper)} (default 1.0, 4.0: the docs'
 * high-throughput setting), single-statement lock-and-fetch ({@link PostgreSqlJdbcCustomization}),
 * {@code threads(N)}, {@code pollingInterval} 10 ms, default heartbeat (5 min), completion =
 * DELETE fenced on the row version, a HikariCP pool of max(16, N + 4) connections (Jobdeck's own
 * pool holds 16).
 *
 * <p>"2 processes": this JVM and a second one, each with 4 threads. The second is started once,
 * with the same class path and JVM options, in worker-only mode ({@code --worker=true}), and
 * serves both systems for the whole run (so the warm-up round warms it too); it takes its orders
 * on stdin, reports its completions on stdout, and times are compared on the wall clock.
 *
 * <p>Run: {@code mvn -B -q -Pbench -DskipTests clean compile exec:exec
 * -Dbench.main=org.jobdeck.bench.DbSchedulerComparison -Djmh.args="--rounds=5"} with
 * {@code JOBDECK_BENCH_PG_URL} naming the server. Options: {@code --runs=20000},
 * {@code --threads=1,4,16}, {@code --two-process-threads=4} (0 = skip that case),
 * {@code --rounds=5} (after {@code --warmup=1} rounds), {@code --lower=1.0 --upper=4.0},
 * {@code --poll-ms=10}, {@code --systems=jobdeck,db-scheduler}.
 */
public final class DbSchedulerComparison {
    static final String JOBDECK = "jobdeck";
    static final String DB_SCHEDULER = "db-scheduler";
    private static final String TAG = "@@ ";
    /** Wall clock = System.nanoTime() + this, so two JVMs can compare times (microsecond clock). */
    private static final long EPOCH_OFFSET = epochNanos() - System.nanoTime();

    private final Options options;
    private final BenchDatabases databases = new BenchDatabases();
    private final Map<String, List<Double>> rates = new LinkedHashMap<>();
    private final Map<String, List<Double>> cpuPerRun = new LinkedHashMap<>();
    private final Map<String, List<Double>> loads = new LinkedHashMap<>();
    private CpuMeter cpu = new CpuMeter(0);
    private Child second;

    private DbSchedulerComparison(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        BenchHarness.run(() -> {
            Options options = Options.parse(args);
            if (options.worker != null) {
                workerMain(options);
                return;
            }
            DbSchedulerComparison comparison = new DbSchedulerComparison(options);
            try {
                comparison.run();
            } finally {
                if (comparison.second != null) {
                    comparison.second.close();
                }
                comparison.databases.close();
            }
        });
    }

    // Coordinator

    private record Case(int processes, int threads) {
        String label() {
            return processes == 1 ? threads + " thread" + (threads == 1 ? "" : "s")
                    : processes + " processes x " + threads + " threads";
        }
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "DbSchedulerComparison: %s; %d cores (%s), JDK %s, JVM options %s%n",
                options, Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.println("db-scheduler " + dbSchedulerVersion()
                + ", pollUsingLockAndFetch(" + options.lower + ", " + options.upper + "), pollingInterval "
                + options.pollMillis + " ms; Jobdeck WorkerSettings.defaults(N): " + WorkerSettings.defaults(1));
        System.out.println("PostgreSQL: " + databases.postgresDescription() + postgresSettings());
        cpu = new CpuMeter(databases.postmasterPid());
        List<Case> cases = new ArrayList<>();
        for (int threads : options.threads) {
            cases.add(new Case(1, threads));
        }
        if (options.twoProcessThreads > 0) {
            cases.add(new Case(2, options.twoProcessThreads));
        }
        for (int round = 1 - options.warmup; round <= options.rounds; round++) {
            for (Case c : cases) {
                // Alternate which system goes first, so a drift in machine load hits both alike.
                List<String> order = Math.floorMod(round, 2) == 1 ? List.of(JOBDECK, DB_SCHEDULER)
                        : List.of(DB_SCHEDULER, JOBDECK);
                for (String system : order) {
                    if (!options.systems.contains(system)) {
                        continue;
                    }
                    measure(system, c, round);
                }
            }
        }
        report(cases);
    }

    private void measure(String system, Case c, int round) throws Exception {
        boolean warmUp = round <= 0;
        DatabaseUrl url = databases.fresh(Kind.POSTGRES);
        String key = system + " | " + c.label();
        try (Worker worker = JOBDECK.equals(system)
                ? new JobdeckWorker(url, c.threads, "p1") : new DbSchedulerWorker(url, c.threads, "p1", options)) {
            worker.prepare(options.runs);
            Child child = null;
            if (c.processes == 2) {
                if (second == null) {
                    second = Child.spawn(options);
                }
                child = second;
                child.prepare(system, url, c.threads);
            }
            boolean ok = false;
            try {
                System.gc();
                long[] cpuBefore = cpu.sample();
                long start = System.nanoTime();
                if (child != null) {
                    child.go();
                }
                worker.start();
                long deadline = start + TimeUnit.MINUTES.toNanos(10);
                // Every completion handed back (Jobdeck: handler returned; db-scheduler: DELETE done)...
                while (worker.completed() + (child == null ? 0 : child.completed()) < options.runs) {
                    check(System.nanoTime() < deadline, key + ": not done after 10 minutes");
                    Thread.sleep(1);
                }
                // ... and, for Jobdeck's group commits, committed. The end time is the last commit's,
                // taken by the listener, so this check need not be frequent (and must not load the
                // database while the last groups commit).
                while (!worker.allDone(options.runs)) {
                    check(System.nanoTime() < deadline, key + ": not committed after 10 minutes");
                    Thread.sleep(50);
                }
                long[] cpuAfter = cpu.sample();
                worker.stop();
                long childCpu = 0;
                long end = worker.lastCompletionNanos() + EPOCH_OFFSET;
                int handled = worker.handled();
                if (child != null) {
                    Child.End childEnd = child.stop();
                    end = Math.max(end, childEnd.lastCompletionEpochNanos);
                    handled += childEnd.handled;
                    childCpu = childEnd.cpuNanos;
                }
                worker.verify(options.runs);
                check(handled == options.runs, key + ": " + handled + " handler calls for " + options.runs + " runs");
                double seconds = (end - (start + EPOCH_OFFSET)) / 1e9;
                double rate = options.runs / seconds;
                double jvmMicros = (cpuAfter[0] - cpuBefore[0] + childCpu) / 1e3 / options.runs;
                double pgMicros = (cpuAfter[1] - cpuBefore[1]) / 1e3 / options.runs;
                double load = QueueBenchmark.loadAverage();
                // How long after the last handler call (in this JVM) the last completion committed.
                String lag = child != null ? "" : String.format(Locale.ROOT, "; last handler -> last commit %.0f ms",
                        (worker.lastCompletionNanos() - worker.lastHandlerNanos()) / 1e6);
                System.out.printf(Locale.ROOT, "%-8s %-42s %6d runs in %7.3f s = %6.0f/s; CPU/run: JVM %4.0f us,"
                                + " PostgreSQL %4.0f us%s [load %.1f]%n", warmUp ? "warm-up" : "round " + round, key,
                        options.runs, seconds, rate, jvmMicros, pgMicros, lag, load);
                if (!warmUp) {
                    rates.computeIfAbsent(key, k -> new ArrayList<>()).add(rate);
                    cpuPerRun.computeIfAbsent(key, k -> new ArrayList<>()).add(jvmMicros + pgMicros);
                    loads.computeIfAbsent(key, k -> new ArrayList<>()).add(load);
                }
                ok = true;
            } finally {
                if (child != null && !ok) {
                    child.process.destroy();
                    second = null;
                }
            }
        } finally {
            databases.cleanUp();
        }
    }

    private void report(List<Case> cases) {
        System.out.println();
        System.out.printf(Locale.ROOT, "## No-op executions/s on one PostgreSQL, median (min-max) of %d rounds, %,d runs each%n",
                options.rounds, options.runs);
        System.out.println();
        System.out.println("| case | Jobdeck runs/s | db-scheduler executions/s | ratio (medians) | ratio per round"
                + " | CPU us/run (JVM+PG) Jobdeck / db-scheduler | load avg (1 min) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Case c : cases) {
            List<Double> jd = rates.getOrDefault(JOBDECK + " | " + c.label(), List.of());
            List<Double> ds = rates.getOrDefault(DB_SCHEDULER + " | " + c.label(), List.of());
            List<Double> perRound = new ArrayList<>();
            for (int i = 0; i < Math.min(jd.size(), ds.size()); i++) {
                perRound.add(jd.get(i) / ds.get(i));
            }
            List<Double> allLoads = new ArrayList<>(loads.getOrDefault(JOBDECK + " | " + c.label(), List.of()));
            allLoads.addAll(loads.getOrDefault(DB_SCHEDULER + " | " + c.label(), List.of()));
            System.out.printf(Locale.ROOT, "| %s | %s | %s | **%.2f** | %s | %.0f / %.0f | %.1f-%.1f |%n", c.label(),
                    Stats.of(jd).medianRange("%.0f"), Stats.of(ds).medianRange("%.0f"),
                    Stats.of(jd).median() / Stats.of(ds).median(), Stats.of(perRound).medianRange("%.2f"),
                    Stats.of(cpuPerRun.getOrDefault(JOBDECK + " | " + c.label(), List.of())).median(),
                    Stats.of(cpuPerRun.getOrDefault(DB_SCHEDULER + " | " + c.label(), List.of())).median(),
                    Stats.of(allLoads).min(), Stats.of(allLoads).max());
        }
        System.out.println();
        System.out.println("CPU us/run: this JVM (and the second one) plus every PostgreSQL server process, per run,"
                + " while the round ran; load avg: the 1-minute load average after each measurement (this run"
                + " itself adds about 2 on 2 cores).");
    }

    private static String dbSchedulerVersion() {
        try (var in = Scheduler.class.getResourceAsStream("/META-INF/maven/com.github.kagkarlsson/db-scheduler/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String postgresSettings() {
        String server = System.getenv(BenchDatabases.PG_ENV);
        if (server == null || server.isBlank()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(server);
             Statement statement = connection.createStatement()) {
            for (String setting : List.of("shared_buffers", "max_connections", "wal_level", "full_page_writes",
                    "commit_delay", "max_wal_size", "work_mem", "autovacuum")) {
                try (ResultSet row = statement.executeQuery("SHOW " + setting)) {
                    row.next();
                    text.append(", ").append(setting).append('=').append(row.getString(1));
                }
            }
        } catch (SQLException e) {
            text.append(" (more settings unreadable: ").append(e.getMessage()).append(')');
        }
        return text.toString();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    // The two systems

    /** One process's side of a measurement. */
    interface Worker extends AutoCloseable {
        /** Fills the fresh database with {@code runs} due no-op executions (not timed). */
        void prepare(int runs) throws Exception;

        void start();

        /** Handler calls so far. */
        int handled();

        /** Completions handed over so far (see the class comment). */
        int completed();

        /** Whether all runs are recorded as done in the database (checked once all completed). */
        boolean allDone(int runs);

        /** System.nanoTime() of the last completion's commit. */
        long lastCompletionNanos();

        /** System.nanoTime() when the last handler call returned. */
        long lastHandlerNanos();

        void stop();

        /** Throws unless the database shows every run done exactly once. */
        void verify(int runs);

        @Override
        void close();
    }

    /** Jobdeck: a {@link WorkerPool} with {@link WorkerSettings#defaults}. */
    static final class JobdeckWorker implements Worker {
        private final Database database;
        private final RunStore store;
        private final JobCatalog catalog = NoOpCatalogs.independent(1_000);
        private final WorkerPool pool;
        private final AtomicInteger handled = new AtomicInteger();
        private final AtomicLong lastSuccessCommit = new AtomicLong();
        private final AtomicLong lastHandler = new AtomicLong();

        JobdeckWorker(DatabaseUrl url, int threads, String name) {
            database = Database.open(url);
            store = new RunStore(database);
            // The store calls its listeners on the committing thread: successes are committed by
            // the pool's success recorder (group commits), so its commits are the completions.
            store.reads().onChange(() -> {
                if (Thread.currentThread().getName().startsWith("jobdeck-success-")) {
                    lastSuccessCommit.accumulateAndGet(System.nanoTime(), Math::max);
                }
            });
            pool = new WorkerPool(store, catalog, NoOpCatalogs.handlers(catalog, context -> {
                handled.incrementAndGet();
                lastHandler.accumulateAndGet(System.nanoTime(), Math::max);
            }),
                    WorkerSettings.defaults(threads).withWorkerId(name + ":" + ProcessHandle.current().pid()));
        }

        @Override
        public void prepare(int runs) throws SQLException {
            Plan plan = new DependencyResolver(catalog).resolveAll();
            Enqueuer enqueuer = new Enqueuer(catalog, store);
            for (int b = 0; b < Math.max(1, runs / catalog.size()); b++) {
                enqueuer.enqueue(plan, Map.of(), "bench", null);
            }
            check(store.reads().countByState().get(RunState.QUEUED) == runs, "runs must be a multiple of 1,000");
            analyze(database.dataSource().getConnection(), "jd_run");
        }

        @Override
        public void start() {
            pool.start();
        }

        @Override
        public int handled() {
            return handled.get();
        }

        @Override
        public int completed() {
            return handled.get();
        }

        @Override
        public boolean allDone(int runs) {
            return store.reads().countByState().get(RunState.SUCCEEDED) == runs;
        }

        @Override
        public long lastCompletionNanos() {
            return lastSuccessCommit.get();
        }

        @Override
        public long lastHandlerNanos() {
            return lastHandler.get();
        }

        @Override
        public void stop() {
            pool.close();
        }

        @Override
        public void verify(int runs) {
            check(store.reads().isIdle() && store.reads().countByState().get(RunState.SUCCEEDED) == runs,
                    "Jobdeck: store not idle or not all succeeded: " + store.reads().countByState());
        }

        @Override
        public void close() {
            pool.close();
            database.close();
        }
    }

    /** db-scheduler: one-time tasks, lock-and-fetch, N threads. */
    static final class DbSchedulerWorker implements Worker {
        // db-scheduler's postgresql_tables.sql (v16.x: no "state" column yet).
        private static final String SCHEMA = """
                create table scheduled_tasks (
                  task_name text not null,
                  task_instance text not null,
                  task_data bytea,
                  execution_time timestamp with time zone not null,
                  picked BOOLEAN not null,
                  picked_by text,
                  last_success timestamp with time zone,
                  last_failure timestamp with time zone,
                  consecutive_failures INT,
                  last_heartbeat timestamp with time zone,
                  version BIGINT not null,
                  priority SMALLINT,
                  PRIMARY KEY (task_name, task_instance)
                );
                CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
                CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
                CREATE INDEX priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
                """;

        private final HikariDataSource dataSource;
        private final AtomicInteger handled = new AtomicInteger();
        private final AtomicInteger completed = new AtomicInteger();
        private final AtomicLong lastCompletion = new AtomicLong();
        private final AtomicLong lastHandler = new AtomicLong();
        private final OneTimeTask<Void> task;
        private final Scheduler scheduler;
        private boolean stopped;

        DbSchedulerWorker(DatabaseUrl url, int threads, String name, Options options) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url.jdbcUrl());
            config.setMaximumPoolSize(Math.max(16, threads + 4));
            config.setMinimumIdle(1);
            config.setPoolName("db-scheduler");
            config.setAutoCommit(true);
            dataSource = new HikariDataSource(config);
            task = Tasks.oneTime("noop").execute((instance, context) -> {
                handled.incrementAndGet();
                lastHandler.accumulateAndGet(System.nanoTime(), Math::max);
            });
            scheduler = Scheduler.create(dataSource, task)
                    .threads(threads)
                    .pollUsingLockAndFetch(options.lower, options.upper)
                    .pollingInterval(Duration.ofMillis(options.pollMillis))
                    .jdbcCustomization(new PostgreSqlJdbcCustomization(false, false))
                    .schedulerName(new SchedulerName.Fixed(name + ":" + ProcessHandle.current().pid()))
                    .addSchedulerListener(new AbstractSchedulerListener() {
                        @Override
                        public void onExecutionComplete(ExecutionComplete complete) {
                            // Fired after the completion handler's DELETE (autocommit) returned.
                            if (complete.getResult() == ExecutionComplete.Result.OK) {
                                lastCompletion.accumulateAndGet(System.nanoTime(), Math::max);
                                completed.incrementAndGet();
                            }
                        }
                    })
                    .build();
        }

        @Override
        public void prepare(int runs) throws SQLException {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                for (String ddl : SCHEMA.split(";")) {
                    if (!ddl.isBlank()) {
                        statement.execute(ddl);
                    }
                }
            }
            List<TaskInstance<?>> instances = new ArrayList<>(runs);
            for (int i = 0; i < runs; i++) {
                instances.add(task.instance(Integer.toString(i)));
            }
            SchedulerClient.Builder.create(dataSource, task).build().scheduleBatch(instances, Instant.now());
            check(count() == runs, "db-scheduler: not all instances scheduled");
            analyze(dataSource.getConnection(), "scheduled_tasks");
        }

        private int count() {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT count(*) FROM scheduled_tasks")) {
                row.next();
                return row.getInt(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void start() {
            scheduler.start();
        }

        @Override
        public int handled() {
            return handled.get();
        }

        @Override
        public int completed() {
            return completed.get();
        }

        @Override
        public boolean allDone(int runs) {
            return true; // completed() counts DELETEs already done
        }

        @Override
        public long lastCompletionNanos() {
            return lastCompletion.get();
        }

        @Override
        public long lastHandlerNanos() {
            return lastHandler.get();
        }

        @Override
        public void stop() {
            if (!stopped) {
                stopped = true;
                scheduler.stop();
            }
        }

        @Override
        public void verify(int runs) {
            int left = count();
            check(left == 0, "db-scheduler: " + left + " executions left in scheduled_tasks");
        }

        @Override
        public void close() {
            stop();
            dataSource.close();
        }
    }

    private static void analyze(Connection connection, String table) throws SQLException {
        try (connection; Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE " + table);
        }
    }

    // The second process

    /**
     * The coordinator's handle on the second JVM, in worker-only mode. It lives for the whole
     * run, like this JVM, so it is warmed up by the warm-up round as this one is.
     */
    static final class Child {
        record End(int handled, int completed, long lastCompletionEpochNanos, long cpuNanos) {
        }

        private final Process process;
        private final PrintWriter input;
        private final BufferedReader output;
        private final AtomicInteger completed = new AtomicInteger();
        private volatile End end;
        private Thread reader;

        private Child(Process process) {
            this.process = process;
            this.input = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        static Child spawn(Options options) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), DbSchedulerComparison.class.getName(),
                    "--worker=true", "--lower=" + options.lower, "--upper=" + options.upper,
                    "--poll-ms=" + options.pollMillis));
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Child child = new Child(process);
            child.expect("STARTED");
            return child;
        }

        private void expect(String word) throws IOException {
            String line = readLine();
            check(word.equals(line), "second process: expected " + word + ", got " + line);
        }

        private String readLine() throws IOException {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith(TAG)) {
                    return line.substring(TAG.length());
                }
                System.out.println("[second process] " + line);
            }
            return null;
        }

        /** Has the second process open its worker on this database (not yet started). */
        void prepare(String system, DatabaseUrl url, int threads) throws IOException {
            completed.set(0);
            end = null;
            input.println("PREPARE " + system + " " + threads + " " + url.jdbcUrl());
            expect("READY");
        }

        void go() {
            input.println("GO");
            reader = new Thread(() -> {
                try {
                    String line;
                    while ((line = readLine()) != null) {
                        String[] parts = line.split(" ");
                        if ("C".equals(parts[0])) {
                            completed.set(Integer.parseInt(parts[1]));
                        } else if ("END".equals(parts[0])) {
                            end = new End(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                                    Long.parseLong(parts[3]), Long.parseLong(parts[4]));
                            return;
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    System.err.println("second process: " + e);
                }
            }, "child-reader");
            reader.setDaemon(true);
            reader.start();
        }

        int completed() {
            if (!process.isAlive()) {
                throw new IllegalStateException("second process died: exit " + process.exitValue());
            }
            return completed.get();
        }

        /** Stops the second process's worker (it closes its pool/scheduler and connections). */
        End stop() throws InterruptedException {
            input.println("STOP");
            reader.join(60_000);
            check(end != null, "second process did not report its end");
            return end;
        }

        void close() {
            input.println("EXIT");
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroy();
                }
            } catch (InterruptedException e) {
                process.destroy();
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Worker-only mode: for each measurement, PREPARE (open the worker on the given database),
     * GO (start it and report completions), STOP (stop it and report the end); EXIT ends.
     */
    private static void workerMain(Options options) throws Exception {
        PrintStream out = System.out;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        out.println(TAG + "STARTED");
        out.flush();
        String line;
        while ((line = in.readLine()) != null && !"EXIT".equals(line)) {
            String[] prepare = line.split(" ", 4);
            check("PREPARE".equals(prepare[0]), "expected PREPARE, got " + line);
            int threads = Integer.parseInt(prepare[2]);
            DatabaseUrl url = DatabaseUrl.parse(prepare[3]);
            try (Worker worker = JOBDECK.equals(prepare[1]) ? new JobdeckWorker(url, threads, "p2")
                    : new DbSchedulerWorker(url, threads, "p2", options)) {
                out.println(TAG + "READY");
                out.flush();
                check("GO".equals(in.readLine()), "expected GO");
                long cpuBefore = processCpuNanos();
                worker.start();
                Thread reporter = new Thread(() -> {
                    int last = -1;
                    while (!Thread.currentThread().isInterrupted()) {
                        int now = worker.completed();
                        if (now != last) {
                            out.println(TAG + "C " + now);
                            out.flush();
                            last = now;
                        }
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "reporter");
                reporter.setDaemon(true);
                reporter.start();
                check("STOP".equals(in.readLine()), "expected STOP");
                long cpu = processCpuNanos() - cpuBefore;
                reporter.interrupt();
                reporter.join();
                worker.stop();
                out.println(TAG + "END " + worker.handled() + " " + worker.completed() + " "
                        + (worker.lastCompletionNanos() == 0 ? 0 : worker.lastCompletionNanos() + EPOCH_OFFSET) + " " + cpu);
                out.flush();
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Command-line options, {@code --name=value}. */
    record Options(int runs, int[] threads, int twoProcessThreads, int rounds, int warmup, double lower,
                   double upper, long pollMillis, List<String> systems, String worker) {
        static Options parse(String[] args) {
            Map<String, String> values = BenchArgs.parse(args);
            return new Options(Integer.parseInt(values.getOrDefault("runs", "20000")),
                    Arrays.stream(values.getOrDefault("threads", "1,4,16").split(",")).mapToInt(Integer::parseInt).toArray(),
                    Integer.parseInt(values.getOrDefault("two-process-threads", "4")),
                    Integer.parseInt(values.getOrDefault("rounds", "5")),
                    Integer.parseInt(values.getOrDefault("warmup", "1")),
                    Double.parseDouble(values.getOrDefault("lower", "1.0")),
                    Double.parseDouble(values.getOrDefault("upper", "4.0")),
                    Long.parseLong(values.getOrDefault("poll-ms", "10")),
                    List.of(values.getOrDefault("systems", JOBDECK + "," + DB_SCHEDULER).split(",")),
                    values.get("worker"));
        }

        @Override
        public String toString() {
            return "runs=" + runs + " threads=" + Arrays.toString(threads) + " two-process-threads=" + twoProcessThreads
                    + " rounds=" + rounds + " warmup=" + warmup + " lockAndFetch=(" + lower + ", " + upper + ")"
                    + " poll-ms=" + pollMillis + " systems=" + systems;
        }
    }
}
