package org.jobdeck.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.jobdeck.queue.TestDatabases;
import org.jobdeck.queue.store.DatabaseUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped and started again under load, on the same port and data: the worker
 * processes, a {@code jobdeck serve --workers 0} process and this process's store reconnect by
 * themselves, every run still succeeds, no run is left running past its lease, and a console
 * following the server sees every run end. It needs a server of its own to restart, so it runs on
 * embedded PostgreSQL only (not on the shared one in {@code JOBDECK_TEST_PG_URL}).
 */
class PostgresRestartFaultTest {
    @TempDir
    Path directory;

    private EmbeddedPostgres postgres;
    private FaultRig rig;

    @Test
    void workersCarryOnAfterPostgresRestartsAndNothingIsLost() throws Exception {
        String shared = System.getenv(TestDatabases.PG_ENV);
        assumeTrue(shared == null || shared.isBlank(), "restarting needs embedded PostgreSQL");
        Path data = directory.resolve("pgdata");
        int port = FaultRig.freePort();
        postgres = start(data, port);
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE fault");
        }
        rig = new FaultRig(DatabaseUrl.parse(postgres.getJdbcUrl("postgres", "fault")), directory);
        int serverPort = FaultRig.freePort();
        String token = rig.adminToken();
        rig.startServer(serverPort, "server");
        try (ConsoleWatch console = new ConsoleWatch(serverPort, token)) {
            restartMidLoad(data, port);
            console.assertSeesEveryRunAsTheDatabaseHas(rig, Duration.ofSeconds(60));
            assertThat(console.api.counts()).as("the server answers again").containsEntry("succeeded", FaultRig.JOBS);
        }
    }

    private void restartMidLoad(Path data, int port) throws Exception {
        rig.enqueueAll();
        rig.startWorker(0, 20);
        rig.startWorker(1, 20);
        rig.awaitSucceeded(150, Duration.ofMinutes(2));

        assertThat(rig.single("SELECT COUNT(*) FROM jd_run WHERE state = 'succeeded'")).as("mid-load")
                .isLessThan(FaultRig.JOBS / 2);
        postgres.close(); // a fast shutdown: every connection is cut
        Thread.sleep(1_000);
        postgres = start(data, port);

        rig.awaitSucceeded(FaultRig.JOBS, Duration.ofMinutes(3));
        assertThat(rig.single("SELECT COUNT(*) FROM jd_run WHERE state <> 'succeeded'")).isZero();
        assertThat(rig.single("SELECT COUNT(DISTINCT run_id) FROM fault_execution")).isEqualTo(FaultRig.JOBS);
        // A run may have executed twice (its success could not be written while the database was
        // down), but no run started before the last execution of each of its upstream runs ended.
        assertThat(rig.single("SELECT COUNT(*) FROM jd_run_dependency d"
                + " JOIN fault_execution down ON down.run_id = d.run_id"
                + " WHERE down.started_at < (SELECT MAX(finished_at) FROM fault_execution up WHERE up.run_id = d.upstream_id)"))
                .as("runs started before their upstream run's last execution ended").isZero();
    }

    /** Keeps the data directory when it stops (the temp directory goes at the end of the test). */
    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (rig != null) {
            rig.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
