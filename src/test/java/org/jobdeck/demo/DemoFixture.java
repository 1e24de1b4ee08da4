package org.jobdeck.demo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.catalog.JobParams;
import org.jobdeck.demo.jobs.DemoJob;
import org.jobdeck.demo.sql.Jdbc;
import org.jobdeck.queue.TestDatabases;
import org.jobdeck.queue.store.Database;
import org.jobdeck.queue.store.DatabaseUrl;

/**
 * A fresh in-memory H2 database with a small demo dataset (60 users unless told otherwise), a
 * fixed clock one hour after the dataset's as-of time, and handlers to call directly.
 */
final class DemoFixture implements AutoCloseable {
    static final Instant AS_OF = Instant.parse("2025-06-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(AS_OF.plus(Duration.ofHours(1)), ZoneOffset.UTC);
    static final int USERS = 60;
    static final JobCatalog CATALOG = CatalogReader.readDefault().toCatalog();

    final Database database;
    final DemoDataset dataset;
    final DatasetInfo info;

    private DemoFixture(Database database, DemoDataset dataset, DatasetInfo info) {
        this.database = database;
        this.dataset = dataset;
        this.info = info;
    }

    static DemoFixture open(Path dataDirectory) {
        return open(TestDatabases.h2(), dataDirectory, spec(USERS));
    }

    static DemoFixture open(DatabaseUrl url, Path dataDirectory, DatasetSpec spec) {
        Database database = Database.open(url, 8);
        DemoDataset dataset = DemoDataset.at(database, dataDirectory).withClock(CLOCK).withFirstUseSpec(spec);
        return new DemoFixture(database, dataset, dataset.ensure());
    }

    static DatasetSpec spec(int users) {
        return DatasetSpec.ofUsers(users, AS_OF);
    }

    /** Runs a job's handler with its catalog defaults overridden by {@code params}. */
    RecordingContext run(String jobName, Map<String, Object> params) throws Exception {
        DemoJob job = DemoHandlers.all(dataset).stream().filter(j -> j.name().equals(jobName)).findFirst().orElseThrow();
        RecordingContext context = new RecordingContext(jobName,
                JobParams.merge(CATALOG.job(jobName).orElseThrow(), params));
        job.run(context);
        return context;
    }

    RecordingContext run(String jobName) throws Exception {
        return run(jobName, Map.of());
    }

    long count(String sql, Object... args) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            return Jdbc.queryLong(connection, sql, args);
        }
    }

    int update(String sql, Object... args) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            return Jdbc.update(connection, sql, args);
        }
    }

    /** Rows as arrays of their columns' objects. */
    List<Object[]> rows(String sql, Object... args) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bind(statement, args);
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = result.getObject(c + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** Closes the pool; an in-memory H2 database (kept open by DB_CLOSE_DELAY=-1) is shut down first to free it. */
    @Override
    public void close() {
        if (database.url().jdbcUrl().startsWith("jdbc:h2:mem:")) {
            try (Connection connection = database.dataSource().getConnection()) {
                connection.createStatement().execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        database.close();
    }
}
