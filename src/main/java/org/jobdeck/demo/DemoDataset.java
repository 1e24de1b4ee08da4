package org.jobdeck.demo;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jobdeck.demo.data.DatasetGenerator;
import org.jobdeck.demo.data.GenerationReport;
import org.jobdeck.demo.sql.Jdbc;
import org.jobdeck.queue.JobdeckHome;
import org.jobdeck.queue.store.Database;

/**
 * The demo dataset in a database's {@code demo} schema, and its image files under a data
 * directory. It is created on first use ({@link #ensure()}: once, however many handlers start at
 * the same moment, in this process or another) or explicitly ({@link #generate}, {@link #reset}).
 *
 * <p>Concurrency: within a process a lock per database URL serialises creation; across processes
 * the generating transaction holds {@code demo.dataset_lock}'s row FOR UPDATE, and a dataset is
 * only visible once that transaction commits its {@code demo.dataset} row.
 */
public final class DemoDataset {
    public static final String ENV_DATA_DIR = "JOBDECK_DATA_DIR";
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    private final DataSource dataSource;
    private final String lockKey;
    private final Path dataDirectory;
    private final Clock clock;
    private final DatasetSpec firstUseSpec;
    private final DemoSchema schema;

    private DemoDataset(DataSource dataSource, String lockKey, Path dataDirectory, Clock clock,
                        DatasetSpec firstUseSpec) {
        this.dataSource = dataSource;
        this.lockKey = lockKey;
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        this.clock = clock;
        this.firstUseSpec = firstUseSpec;
        this.schema = new DemoSchema(dataSource);
    }

    /** The dataset of {@code database}, with image files under {@code dataDirectory}. */
    public static DemoDataset at(Database database, Path dataDirectory) {
        return new DemoDataset(database.dataSource(), database.url().jdbcUrl(), dataDirectory,
                Clock.systemUTC(), null);
    }

    /** $JOBDECK_DATA_DIR, else {@code data} in the Jobdeck home ($JOBDECK_HOME, else ~/.jobdeck). */
    public static Path defaultDataDirectory() {
        String env = System.getenv(ENV_DATA_DIR);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return JobdeckHome.directory().resolve("data");
    }

    /** The clock for as-of times, computed-at stamps and cleanup cut-offs (tests fix it). */
    public DemoDataset withClock(Clock newClock) {
        return new DemoDataset(dataSource, lockKey, dataDirectory, newClock, firstUseSpec);
    }

    /** What {@link #ensure()} generates when there is no dataset; by default {@link DatasetSpec#defaults}. */
    public DemoDataset withFirstUseSpec(DatasetSpec spec) {
        return new DemoDataset(dataSource, lockKey, dataDirectory, clock, spec);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Clock clock() {
        return clock;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public boolean exists() {
        return info().isPresent();
    }

    /** The dataset, if one is complete; empty when there is none (or no demo schema yet). */
    public Optional<DatasetInfo> info() {
        try (Connection connection = dataSource.getConnection()) {
            if (Jdbc.queryLong(connection, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE LOWER(TABLE_SCHEMA) = 'demo' AND LOWER(TABLE_NAME) = 'dataset'") == 0) {
                return Optional.empty();
            }
            return readInfo(connection);
        } catch (SQLException e) {
            throw Jdbc.wrap("Cannot read the demo dataset", e);
        }
    }

    /** The dataset, generated first (with the first-use spec) when there is none. */
    public DatasetInfo ensure() {
        Optional<DatasetInfo> ready = info();
        if (ready.isPresent()) {
            return ready.get();
        }
        synchronized (lock()) {
            Optional<DatasetInfo> createdMeanwhile = info();
            if (createdMeanwhile.isPresent()) {
                return createdMeanwhile.get();
            }
            schema.migrate();
            return create(firstUseSpec(), false);
        }
    }

    /** Generates a dataset; fails when one exists already (see {@link #reset}). */
    public DatasetInfo generate(DatasetSpec spec) {
        synchronized (lock()) {
            schema.migrate();
            return create(spec, true);
        }
    }

    /** Drops the dataset, every job output and its image files, then generates {@code spec}. */
    public DatasetInfo reset(DatasetSpec spec) {
        synchronized (lock()) {
            drop();
            schema.migrate();
            return create(spec, true);
        }
    }

    /** Drops the demo schema (dataset and job outputs) and the dataset's image files. */
    public void drop() {
        synchronized (lock()) {
            Optional<DatasetInfo> existing = info();
            schema.drop();
            existing.ifPresent(info -> deleteMediaDirectory(info.mediaDirectory()));
        }
    }

    private DatasetSpec firstUseSpec() {
        return firstUseSpec != null ? firstUseSpec : DatasetSpec.defaults(clock.instant());
    }

    private Object lock() {
        return LOCKS.computeIfAbsent(lockKey, key -> new Object());
    }

    private DatasetInfo create(DatasetSpec spec, boolean failIfExists) {
        Path mediaDirectory = dataDirectory.resolve("demo-media")
                .resolve(HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Jdbc.exists(connection, "SELECT id FROM demo.dataset_lock WHERE id = 1 FOR UPDATE");
                Optional<DatasetInfo> existing = readInfo(connection);
                if (existing.isPresent()) {
                    connection.commit();
                    if (failIfExists) {
                        throw new DemoDataException("A demo dataset already exists ("
                                + existing.get().users() + " users); reset it to generate another");
                    }
                    return existing.get();
                }
                GenerationReport report = new DatasetGenerator(spec, mediaDirectory).generate(connection);
                Jdbc.update(connection, "INSERT INTO demo.dataset (id, seed, user_count, post_count, media_count,"
                                + " orphaned_media, corrupt_media, drifted_counters, as_of, media_dir, created_at)"
                                + " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        spec.seed(), spec.users(), spec.posts(), spec.media(), report.orphanedMedia(),
                        report.corruptMedia(), report.driftedCounters(), spec.asOf().toEpochMilli(),
                        mediaDirectory.toString(), clock.millis());
                DatasetInfo info = readInfo(connection).orElseThrow();
                connection.commit();
                return info;
            } catch (RuntimeException | SQLException | IOException e) {
                connection.rollback();
                deleteMediaDirectory(mediaDirectory);
                if (e instanceof DemoDataException demo) {
                    throw demo;
                }
                throw new DemoDataException("Cannot generate the demo dataset: " + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Jdbc.wrap("Cannot generate the demo dataset", e);
        }
    }

    private static Optional<DatasetInfo> readInfo(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT seed, user_count, post_count, media_count, orphaned_media, corrupt_media,"
                        + " drifted_counters, as_of, media_dir, created_at FROM demo.dataset WHERE id = 1");
             ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            DatasetSpec spec = new DatasetSpec(row.getLong(1), row.getInt(2), row.getInt(3), row.getInt(4),
                    Instant.ofEpochMilli(row.getLong(8)));
            return Optional.of(new DatasetInfo(spec, Path.of(row.getString(9)), row.getLong(10), row.getInt(5),
                    row.getInt(6), row.getInt(7),
                    Jdbc.queryLong(connection, "SELECT COUNT(*) FROM demo.users"),
                    Jdbc.queryLong(connection, "SELECT COUNT(*) FROM demo.posts"),
                    Jdbc.queryLong(connection, "SELECT COUNT(*) FROM demo.media"),
                    Jdbc.queryLong(connection, "SELECT COUNT(*) FROM demo.likes"),
                    Jdbc.queryLong(connection, "SELECT COUNT(*) FROM demo.follows")));
        }
    }

    /** Deletes the files of one dataset's media directory (never anything outside it), then the directory. */
    private static void deleteMediaDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            throw new DemoDataException("Cannot delete the demo media files in " + directory + ": " + e.getMessage(), e);
        }
    }
}
