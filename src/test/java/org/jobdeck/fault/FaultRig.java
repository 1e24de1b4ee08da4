package org.jobdeck.fault;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.plan.DependencyResolver;
import org.jobdeck.queue.Enqueuer;
import org.jobdeck.queue.RunState;
import org.jobdeck.queue.store.Database;
import org.jobdeck.queue.store.DatabaseUrl;
import org.jobdeck.queue.store.RunStore;
import org.jobdeck.client.ServerTokens;

/**
 * What the fault tests share: a PostgreSQL database with the {@code fault_execution} table, a
 * catalog of {@link #JOBS} jobs in a file, {@code jobdeck worker} processes in their own JVMs,
 * and SQL checks from outside every process.
 */
final class FaultRig implements AutoCloseable {
    static final int JOBS = 1_000;
    static final int LEASE_SECONDS = 2;
    static final int HEARTBEAT_SECONDS = 1;

    final DatabaseUrl url;
    final Path directory;
    final RunStore store;
    private final Database database;
    private final JobCatalog catalog;
    private final Path catalogFile;
    private final List<Process> processes = new ArrayList<>();

    FaultRig(DatabaseUrl url, Path directory) throws IOException, SQLException {
        this.url = url;
        this.directory = directory;
        this.database = Database.open(url, 4);
        this.store = new RunStore(database, Clock.systemUTC());
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(RecordingHandlers.TABLE);
        }
        catalogFile = directory.resolve("fault-catalog.json");
        Files.writeString(catalogFile, catalogJson());
        catalog = CatalogReader.read(catalogFile).toCatalog();
    }

    void enqueueAll() {
        new Enqueuer(catalog, store).enqueue(new DependencyResolver(catalog).resolveAll(), Map.of(), "fault-test", null);
    }

    /** A batch of one group's runs (200, in chains of 10, none needing another group's); its id. */
    String enqueueGroup(String group) {
        return new Enqueuer(catalog, store).enqueue(new DependencyResolver(catalog).resolveGroup(group), Map.of(),
                "fault-test", null).id();
    }

    /**
     * {@code jobdeck enqueue --all} in a JVM of its own with {@code environment} added (a skewed
     * clock, say), as an operator on that machine would; returns once it exited 0.
     */
    void enqueueAllFrom(String name, Map<String, String> environment) throws Exception {
        Process process = start(name, environment, List.of(), "org.jobdeck.cli.Main",
                jobdeck("enqueue", "--all"));
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError(name + " did not enqueue: " + Files.readString(log(name)));
        }
    }

    /** A {@code jobdeck worker --concurrency 4} JVM whose handlers each take {@code holdMillis}. */
    Process startWorker(int index, long holdMillis) throws IOException {
        return startWorker(index, holdMillis, Map.of());
    }

    /** The same, with {@code environment} added to the JVM's own (libfaketime's variables, say). */
    Process startWorker(int index, long holdMillis, Map<String, String> environment) throws IOException {
        return start(workerName(index), environment, List.of(
                "-D" + RecordingHandlers.DB + "=" + url.jdbcUrl(),
                "-D" + RecordingHandlers.JOBS + "=" + JOBS,
                "-D" + RecordingHandlers.HOLD_MILLIS + "=" + holdMillis),
                "org.jobdeck.cli.Main", jobdeck("worker", "--concurrency", "4",
                        "--lease-seconds", Integer.toString(LEASE_SECONDS),
                        "--heartbeat-seconds", Integer.toString(HEARTBEAT_SECONDS)));
    }

    /** Waits until worker {@code index} said it started: it is connected, and claims from now on. */
    void awaitWorkerReady(Process worker, int index, Duration timeout) throws Exception {
        Path log = log(workerName(index));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.readString(log).contains(" threads on ")) {
            if (!worker.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("worker " + index + " did not start: " + Files.readString(log));
            }
            Thread.sleep(5);
        }
    }

    static String workerName(int index) {
        return "worker-" + index;
    }

    /**
     * A JVM on the test's class path running {@code mainClass}, its output in {@code name.log};
     * {@code environment} is added to the JVM's own, so that LD_PRELOAD reaches the JVM itself.
     */
    Process start(String name, Map<String, String> environment, List<String> jvmOptions, String mainClass,
                  List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log(name).toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** What the process started as {@code name} printed so far. */
    Path log(String name) {
        return directory.resolve(name + ".log");
    }

    private List<String> jobdeck(String... args) {
        List<String> command = new ArrayList<>(List.of("--catalog", catalogFile.toString(), "--db", url.jdbcUrl()));
        command.addAll(List.of(args));
        return command;
    }

    /** A fresh admin token, written to {@code admin.token} in the directory for the server to read. */
    String adminToken() {
        String token = ServerTokens.generate();
        ServerTokens.write(tokenFile(), token);
        return token;
    }

    private Path tokenFile() {
        return directory.resolve("admin.token");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * A {@code jobdeck serve --workers 0} JVM on {@code port}, with the token of
     * {@link #adminToken()}; returns once it listens.
     */
    Process startServer(int port, String name) throws Exception {
        Path log = log(name);
        Process process = start(name, Map.of(), List.of(), "org.jobdeck.cli.Main", jobdeck("serve",
                "--workers", "0", "--port", Integer.toString(port), "--token-file", tokenFile().toString()));
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!Files.readString(log).contains("Listening on ")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not start listening: " + Files.readString(log));
            }
            Thread.sleep(20);
        }
        return process;
    }

    /** The ids of the runs the process is executing, once it executes some. */
    List<Long> awaitRunsHeldBy(Process worker, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Long> held = longs("SELECT id FROM jd_run WHERE state = 'running' AND lease_owner LIKE '"
                    + worker.pid() + "@%'");
            if (!held.isEmpty()) {
                return held;
            }
            if (!worker.isAlive()) {
                throw new AssertionError("worker " + worker.pid() + " exited; logs in " + directory);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("worker " + worker.pid() + " never held a run; logs in " + directory);
    }

    void awaitSucceeded(int runs, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (succeeded() < runs) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + runs + " runs succeeded in " + timeout + " (" + succeeded()
                        + " did); worker logs in " + directory);
            }
            Thread.sleep(100);
        }
    }

    int succeeded() {
        try {
            return store.reads().countByState().get(RunState.SUCCEEDED);
        } catch (RuntimeException databaseDown) {
            return -1; // the fault under test may be the database itself: ask again
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url.jdbcUrl());
    }

    long single(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    List<Long> longs(String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
        }
        return values;
    }

    /** Every run's id and version, as the database has them now. */
    Map<String, Long> runVersions() throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, version FROM jd_run")) {
            while (rows.next()) {
                versions.put(Long.toString(rows.getLong(1)), rows.getLong(2));
            }
        }
        return versions;
    }

    Timestamp timestamp(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getTimestamp(1);
        }
    }

    /** The database's clock, which stamps the executions. */
    Timestamp now() throws SQLException {
        return timestamp("SELECT LOCALTIMESTAMP");
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
        database.close();
    }

    /**
     * 1,000 jobs in 5 groups: chains of 10 (each job needs the one before it), and every 50th
     * job also needs a job 20 places back, often in another chain. Five attempts and no retry
     * delay, so a run cut short by a fault is retried at once.
     */
    private static String catalogJson() {
        StringBuilder json = new StringBuilder("{\"groups\": [");
        for (int g = 0; g < 5; g++) {
            json.append(g == 0 ? "" : ",").append("{\"name\": \"g").append(g)
                    .append("\", \"title\": \"Group ").append(g).append("\", \"purpose\": \"fault test\"}");
        }
        json.append("], \"jobs\": [");
        for (int i = 0; i < JOBS; i++) {
            List<String> needs = new ArrayList<>();
            if (i % 10 != 0) {
                needs.add("\"" + RecordingHandlers.jobName(i - 1) + "\"");
            }
            if (i % 50 == 25) {
                needs.add("\"" + RecordingHandlers.jobName(i - 20) + "\"");
            }
            json.append(i == 0 ? "" : ",").append("{\"name\": \"").append(RecordingHandlers.jobName(i))
                    .append("\", \"description\": \"fault test job\", \"group\": \"g").append(i / 200)
                    .append("\", \"dependencies\": [").append(String.join(",", needs))
                    .append("], \"defaultParams\": {}, \"examples\": [], \"maxAttempts\": 5, \"retryDelaySeconds\": 0}");
        }
        return json.append("]}").toString();
    }
}
