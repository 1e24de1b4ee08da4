package org.jobdeck.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.jobdeck.queue.store.DatabaseUrl;

/**
 * Fresh, empty databases for one benchmark round each: an H2 file in a temp directory (opened
 * with the embedded default's settings: AUTO_SERVER, LOCK_TIMEOUT), H2 in memory, and
 * PostgreSQL: the server in {@code $JOBDECK_BENCH_PG_URL} (its user may create databases), else
 * one zonky embedded PostgreSQL started once, with {@code synchronous_commit = on} (zonky turns
 * it off by default; a durable queue is measured with it on).
 */
final class BenchDatabases implements AutoCloseable {
    static final String PG_ENV = "JOBDECK_BENCH_PG_URL";

    enum Kind {
        H2_FILE("H2 file"), H2_MEM("H2 in-memory"), POSTGRES("PostgreSQL");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        static Kind parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "h2", "h2file", "h2-file" -> H2_FILE;
                case "h2mem", "h2-mem", "mem" -> H2_MEM;
                case "pg", "postgres", "postgresql" -> POSTGRES;
                default -> throw new IllegalArgumentException("unknown database " + text + " (h2file, h2mem, pg)");
            };
        }
    }

    private final List<Path> directories = new ArrayList<>();
    private final List<String> pgDatabases = new ArrayList<>();
    private EmbeddedPostgres embedded;

    DatabaseUrl fresh(Kind kind) {
        return switch (kind) {
            case H2_FILE -> {
                try {
                    Path directory = Files.createTempDirectory("jobdeck-bench-");
                    directories.add(directory);
                    yield DatabaseUrl.parse("jdbc:h2:" + directory.resolve("jobdeck"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            // No DB_CLOSE_DELAY: the database lives while the connection pool does, and is
            // dropped with it.
            case H2_MEM -> DatabaseUrl.parse("jdbc:h2:mem:bench-" + UUID.randomUUID());
            case POSTGRES -> freshPostgres();
        };
    }

    /** Where the PostgreSQL comes from, and its durability settings, for the report. */
    String postgresDescription() {
        String where = System.getenv(PG_ENV) != null && !System.getenv(PG_ENV).isBlank()
                ? "server from $" + PG_ENV : "zonky embedded PostgreSQL";
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            return where + ": " + show(statement, "server_version") + ", synchronous_commit="
                    + show(statement, "synchronous_commit") + ", fsync=" + show(statement, "fsync")
                    + ", wal_sync_method=" + show(statement, "wal_sync_method");
        } catch (SQLException e) {
            return where + " (settings unreadable: " + e.getMessage() + ")";
        }
    }

    /** The PostgreSQL server's pid when it runs on this machine (from /proc), else 0. */
    long postmasterPid() {
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            String text = Files.readString(Path.of("/proc", row.getString(1), "stat"));
            return Long.parseLong(text.substring(text.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (SQLException | IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet row = statement.executeQuery("SHOW " + setting)) {
            row.next();
            return row.getString(1);
        }
    }

    private DatabaseUrl freshPostgres() {
        String name = "jd_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a PostgreSQL database: " + e.getMessage(), e);
        }
        pgDatabases.add(name);
        String server = System.getenv(PG_ENV);
        if (server != null && !server.isBlank()) {
            return DatabaseUrl.parse(server.replaceFirst("(//[^/]+/)[^?]*", "$1" + name));
        }
        return DatabaseUrl.parse(embedded.getJdbcUrl("postgres", name));
    }

    private synchronized Connection adminConnection() throws SQLException {
        String server = System.getenv(PG_ENV);
        if (server != null && !server.isBlank()) {
            return DriverManager.getConnection(server);
        }
        if (embedded == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setServerConfig("synchronous_commit", "on");
                PgBinaries.resolver().ifPresent(builder::setPgBinaryResolver);
                embedded = builder.start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start embedded PostgreSQL: " + e.getMessage(), e);
            }
        }
        return embedded.getPostgresDatabase().getConnection();
    }

    /** Drops what the last round created (its pool must be closed already). */
    void cleanUp() {
        for (Path directory : directories) {
            deleteQuietly(directory);
        }
        directories.clear();
        if (!pgDatabases.isEmpty()) {
            try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
                for (String name : pgDatabases) {
                    statement.execute("DROP DATABASE IF EXISTS " + name);
                }
            } catch (SQLException e) {
                System.err.println("could not drop a benchmark database: " + e.getMessage());
            }
            pgDatabases.clear();
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    @Override
    public void close() {
        cleanUp();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // the JVM is going away
            }
        }
    }
}
