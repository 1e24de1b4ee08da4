package org.jobdeck.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database is not open to the network nor to other local users: every Jobdeck
 * process on an H2 file (the console, {@code serve}, {@code worker}, the CLI) listens on loopback
 * only, whatever {@code --bind} says; the shared port admits only who holds the database's
 * secret; and the home and the database's files are their owner's alone. Sockets are read from
 * /proc, never probed from outside loopback.
 */
class EmbeddedDatabaseExposureTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static final String CATALOG = """
            {"groups": [{"name": "g", "title": "G", "purpose": "exposure test"}],
             "jobs": [{"name": "slow", "description": "runs until killed", "group": "g", "examples": [],
                       "command": ["sleep", "600"]}]}
            """;

    @TempDir
    Path dir;

    private Path home;
    private Path catalog;
    private final List<JobdeckJvm> processes = new ArrayList<>();

    @BeforeEach
    void prepare() throws Exception {
        assumeThat(ListeningSockets.available()).as("/proc/net/tcp (Linux)").isTrue();
        home = dir.resolve("home");
        catalog = dir.resolve("catalog.json");
        Files.writeString(catalog, CATALOG);
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (JobdeckJvm process : processes) {
            process.close();
        }
    }

    @Test
    void theConsoleServeAWorkerAndTheCliSharingOneFileListenOnLoopbackOnly() throws Exception {
        JobdeckJvm console = track(JobdeckJvm.console(home, dir.resolve("console.log")));
        List<InetSocketAddress> shared = awaitListening(console);
        JobdeckJvm serve = track(jobdeck("serve.log", "serve", "--port", "0", "--workers", "1"));
        serve.awaitOutput("Listening on ", START);
        JobdeckJvm worker = track(jobdeck("worker.log", "worker", "--concurrency", "1"));
        worker.awaitOutput("Worker ", START);
        JobdeckJvm cli = track(jobdeck("cli.log", "enqueue", "--job", "slow", "--wait", "--workers", "1"));
        cli.awaitOutput(" as batch ", START);

        assertThat(shared).as("the console opened the file first, so it shares it").isNotEmpty();
        for (JobdeckJvm process : processes) {
            assertThat(process.isAlive()).as(process.output()).isTrue();
            assertThat(ListeningSockets.of(process.pid())).as("listening sockets of %s", process.output())
                    .allMatch(address -> address.getAddress().isLoopbackAddress());
        }
        assertThat(ListeningSockets.of(serve.pid())).as("serve's REST port").isNotEmpty();
    }

    @Test
    void aServerBoundToEveryInterfaceExposesItsRestPortAndNothingElse() throws Exception {
        JobdeckJvm serve = track(jobdeck("serve.log", "serve", "--port", "0", "--bind", "0.0.0.0", "--workers", "1"));
        int restPort = restPort(serve.awaitOutput("Listening on ", START));
        List<InetSocketAddress> listening = awaitListening(serve, 2);
        assertThat(listening).filteredOn(address -> address.getPort() == restPort)
                .singleElement().satisfies(address -> assertThat(address.getAddress().isAnyLocalAddress()).isTrue());
        assertThat(listening).filteredOn(address -> address.getPort() != restPort).as("the database's port")
                .isNotEmpty().allMatch(address -> address.getAddress().isLoopbackAddress());
    }

    @Test
    void theSharedPortAdmitsOnlyWhoHoldsTheSecret() throws Exception {
        JobdeckJvm serve = track(jobdeck("serve.log", "serve", "--port", "0", "--workers", "0"));
        serve.awaitOutput("Listening on ", START);
        Properties lock = new Properties();
        try (var in = Files.newInputStream(home.resolve("jobdeck.lock.db"))) {
            lock.load(in);
        }
        String shared = "jdbc:h2:tcp://" + lock.getProperty("server") + "/" + lock.getProperty("id");
        String host = lock.getProperty("server").replaceFirst(":\\d+$", "");
        assertThat(java.net.InetAddress.getByName(host).isLoopbackAddress()).as("the lock file's address %s", host).isTrue();

        SQLException refused = null;
        try (Connection ignored = DriverManager.getConnection(shared, "", "")) {
            // reaching here is the defect
        } catch (SQLException e) {
            refused = e;
        }
        assertThat((Throwable) refused).as("the port's key from the lock file, without the secret").isNotNull();
        assertThat(refused.getSQLState()).isEqualTo("28000");

        String secret = Files.readString(home.resolve("jobdeck.secret")).strip();
        try (Connection connection = DriverManager.getConnection(shared, "", secret)) {
            assertThat(connection.isValid(5)).as("the same key with the secret").isTrue();
        }
    }

    @Test
    void theHomeAndEveryFileOfTheDatabaseAreTheOwnersAlone() throws Exception {
        JobdeckJvm serve = track(jobdeck("serve.log", "serve", "--port", "0", "--workers", "0"));
        serve.awaitOutput("Listening on ", START);
        assertThat(mode(home)).isEqualTo("rwx------");
        for (String file : List.of("jobdeck.mv.db", "jobdeck.lock.db", "jobdeck.secret", "admin.token")) {
            assertThat(mode(home.resolve(file))).as(file).isEqualTo("rw-------");
        }
    }

    @Test
    void aHomeAndDatabaseFoundOpenToOthersAreTightenedWithAWarning() throws Exception {
        JobdeckJvm first = track(jobdeck("first.log", "runs"));
        assertThat(first.awaitExit(START)).as(first.output()).isZero();
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(home.resolve("jobdeck.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));

        JobdeckJvm again = track(jobdeck("again.log", "runs"));
        assertThat(again.awaitExit(START)).as(again.output()).isZero();
        List<String> warnings = again.output().lines().filter(line -> line.contains("accessible to others")).toList();
        assertThat(warnings)
                .anySatisfy(line -> assertThat(line).contains(home.toString()).contains("rwxr-xr-x"))
                .anySatisfy(line -> assertThat(line).contains("jobdeck.mv.db").contains("rw-r--r--"));
        assertThat(mode(home)).isEqualTo("rwx------");
        assertThat(mode(home.resolve("jobdeck.mv.db"))).isEqualTo("rw-------");
    }

    @Test
    void aSecretThatBelongsToAnotherUserIsRefused() throws Exception {
        assumeThat(System.getProperty("user.name")).as("only root can give a file away").isEqualTo("root");
        Path shared = dir.resolve("shared");
        Files.createDirectories(shared);
        Path planted = shared.resolve("queue.secret");
        Files.writeString(planted, "known-to-the-attacker-0123456789\n");
        UserPrincipal nobody = planted.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(planted, nobody);

        JobdeckJvm cli = track(jobdeck("cli.log", "--db", "jdbc:h2:" + shared.resolve("queue"), "runs"));
        assertThat(cli.awaitExit(START)).isEqualTo(2);
        assertThat(cli.output().strip()).startsWith("jobdeck: ").contains(planted.toString()).contains("belongs to nobody")
                .doesNotContain("\tat ");
    }

    private JobdeckJvm jobdeck(String log, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--catalog", catalog.toString()));
        all.addAll(List.of(args));
        return JobdeckJvm.start(home, dir.resolve(log), all);
    }

    private JobdeckJvm track(JobdeckJvm process) {
        processes.add(process);
        return process;
    }

    private static List<InetSocketAddress> awaitListening(JobdeckJvm process) throws Exception {
        return awaitListening(process, 1);
    }

    private static List<InetSocketAddress> awaitListening(JobdeckJvm process, int count) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        List<InetSocketAddress> listening;
        while ((listening = ListeningSockets.of(process.pid())).size() < count) {
            assertThat(process.isAlive() && System.nanoTime() < deadline)
                    .as("%d listening sockets; output:%n%s", listening.size(), process.output()).isTrue();
            Thread.sleep(50);
        }
        return listening;
    }

    private static int restPort(String output) {
        Matcher matcher = Pattern.compile("Listening on http://\\S+:(\\d+)").matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
