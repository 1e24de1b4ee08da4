package org.jobdeck.queue.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jobdeck.queue.QueueException;

/**
 * An open, migrated database: a HikariCP pool plus the dialect to talk to it.
 * Opening checks the URL, connects once (so a wrong URL fails here, with one clear line), and
 * applies Flyway migrations.
 */
public final class Database implements AutoCloseable {
    private final DatabaseUrl url;
    private final HikariDataSource pool;
    /** Other processes' changes (PostgreSQL only); null on H2. */
    private final RemoteChanges remote;

    private Database(DatabaseUrl url, HikariDataSource pool) {
        this.url = url;
        this.pool = pool;
        this.remote = url.dialect() == Dialect.POSTGRESQL ? new RemoteChanges(url) : null;
    }

    /**
     * Calls {@code listener} when another process signals a change to the runs (PostgreSQL; on H2,
     * where other processes are rare, nothing calls it and pollers find their changes).
     */
    void onRemoteChange(Runnable listener) {
        if (remote != null) {
            remote.subscribe(listener);
        }
    }

    /**
     * Whether other processes' notifications reach this one now (PostgreSQL, once something
     * subscribed and the listening connection is up). Until then, polls and heartbeats stand in.
     */
    public boolean listening() {
        return remote != null && remote.listening();
    }

    /** {@code listener} gets the id of each running run another process asked to cancel (PostgreSQL only). */
    void onRemoteCancel(Consumer<String> listener) {
        if (remote != null) {
            remote.subscribeCancels(listener);
        }
    }

    /** In a transaction that asked a running run to stop: tells the other processes on commit. */
    void signalCancel(Connection connection, long runId) throws SQLException {
        if (remote != null) {
            try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
                notify.setString(1, RemoteChanges.CANCEL_CHANNEL);
                notify.setString(2, remote.cancelPayload(runId));
                notify.execute();
            }
        }
    }

    /** In a transaction that queued, ended or handed back runs: wakes the other processes on commit. */
    void signalChange(Connection connection) throws SQLException {
        if (remote != null) {
            try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
                notify.setString(1, RemoteChanges.CHANNEL);
                notify.setString(2, remote.self());
                notify.execute();
            }
        }
    }

    public static Database open(DatabaseUrl url, int poolSize) {
        Path file = url.h2().flatMap(H2Location::filePath).orElse(null);
        DatabaseUrl effective = file == null ? url : H2Files.prepare(url, file);
        checkConnection(effective);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(effective.jdbcUrl());
        config.setDataSourceProperties(effective.connectionProperties());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setPoolName("jobdeck");
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(true);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            migrate(effective, pool);
            if (file != null) {
                H2Files.protect(file);
            }
            return new Database(effective, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public static Database open(DatabaseUrl url) {
        return open(url, 16);
    }

    /**
     * One plain connection before the pool exists: a refused or misspelt database fails here at
     * once with one line, instead of after the pool's connection timeout. An embedded file
     * database made before secrets existed gets its secret here.
     */
    private static void checkConnection(DatabaseUrl url) {
        try (Connection connection = url.h2().isPresent()
                ? H2Files.connect(url, Database::connectDirectly) : connectDirectly(url)) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new QueueException("Cannot connect to " + url.display() + ": " + rootMessage(url, e), e);
        }
    }

    /** A connection outside the pool, with the URL's credentials as properties. */
    static Connection connectDirectly(DatabaseUrl url) throws SQLException {
        DriverManager.setLoginTimeout(10);
        return DriverManager.getConnection(url.jdbcUrl(), url.connectionProperties());
    }

    private static void migrate(DatabaseUrl url, DataSource pool) {
        try {
            Flyway.configure()
                    .dataSource(pool)
                    // The shared migrations, and the few that only one database has (vendor/h2,
                    // vendor/postgresql).
                    .locations("classpath:org/jobdeck/queue/db/migration", "classpath:org/jobdeck/queue/db/vendor/"
                            + url.dialect().migrations())
                    .table("jd_schema_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new QueueException("Cannot prepare the database at " + url.display() + ": "
                    + rootMessage(url, e), e);
        }
    }

    /** The first line of the innermost cause, with any URL's password masked. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root instanceof UnknownHostException) {
            message = "unknown host " + message; // the driver's message is the bare host name
        }
        return DatabaseUrl.mask(message.lines().findFirst().orElse(message));
    }

    /** As above, with {@code url}'s secrets taken out too, however the driver spelt them. */
    static String rootMessage(DatabaseUrl url, Throwable e) {
        return url.redact(rootMessage(e));
    }

    /**
     * Makes what {@code connection} committed survive a crash or a power cut. PostgreSQL's
     * commit already does (synchronous_commit). H2 writes a commit into the file at once
     * (WRITE_DELAY=0) but leaves it in the operating system's cache: CHECKPOINT SYNC forces it
     * onto the disk. A memory database has no disk to force.
     */
    void forceToDisk(Connection connection) throws SQLException {
        if (url.h2().flatMap(H2Location::filePath).isPresent()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT SYNC");
            }
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public Dialect dialect() {
        return url.dialect();
    }

    public DatabaseUrl url() {
        return url;
    }

    @Override
    public void close() {
        if (remote != null) {
            remote.close();
        }
        pool.close();
    }
}
