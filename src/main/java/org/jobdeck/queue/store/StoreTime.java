package org.jobdeck.queue.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Whose clock the queue's times come from. Lease expiry, readiness, retry delays and heartbeats
 * are decided inside the statements, by the expression {@link #now()}: in production the
 * database's clock ({@link #database}), one clock for every process, so a process whose own
 * clock is fast cannot take a healthy worker's run, nor a slow one stall. Tests pass a
 * {@link Clock} they move by hand ({@link #clock}), written into the SQL as a literal.
 */
public interface StoreTime {
    /** An SQL expression for now, in epoch milliseconds. */
    String now();

    /**
     * Now in epoch milliseconds as the statements see it, for what Java says about runs ("retrying
     * in 8 s"); never for a decision a statement makes.
     */
    long millis();

    /** The database's clock: {@code dialect}'s expression in SQL, its offset learnt for Java. */
    static StoreTime database(DataSource dataSource, Dialect dialect) {
        return new DatabaseTime(dataSource, dialect);
    }

    /** A clock of the caller's: tests that move time by hand. */
    static StoreTime clock(Clock clock) {
        return new StoreTime() {
            @Override
            public String now() {
                return "CAST(" + clock.millis() + " AS BIGINT)";
            }

            @Override
            public long millis() {
                return clock.millis();
            }
        };
    }

    /** The database's clock; Java's estimate of it is re-measured every {@link #REMEASURE_MILLIS}. */
    final class DatabaseTime implements StoreTime {
        static final long REMEASURE_MILLIS = 60_000;

        private final DataSource dataSource;
        private final Dialect dialect;
        private volatile long offset;
        private volatile long measuredAt = Long.MIN_VALUE;

        DatabaseTime(DataSource dataSource, Dialect dialect) {
            this.dataSource = dataSource;
            this.dialect = dialect;
        }

        @Override
        public String now() {
            return dialect.nowMillis();
        }

        @Override
        public long millis() {
            long local = System.currentTimeMillis();
            if (local - measuredAt > REMEASURE_MILLIS || local < measuredAt) {
                measure();
            }
            return System.currentTimeMillis() + offset;
        }

        /** Database time minus ours, halfway through one round trip; the old offset if it cannot be read. */
        private void measure() {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                long before = System.currentTimeMillis();
                try (ResultSet row = statement.executeQuery("SELECT " + dialect.nowMillis())) {
                    row.next();
                    long after = System.currentTimeMillis();
                    offset = row.getLong(1) - (before + after) / 2;
                    measuredAt = after;
                }
            } catch (SQLException e) {
                measuredAt = System.currentTimeMillis(); // try again later; explanations may be off meanwhile
            }
        }
    }
}
