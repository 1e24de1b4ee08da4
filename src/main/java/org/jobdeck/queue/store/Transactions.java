package org.jobdeck.queue.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jobdeck.queue.QueueException;

/**
 * Runs units of work in one transaction each. A unit that loses a deadlock or a serialization
 * conflict (two completions of a fan-in locking the same downstream rows in different orders)
 * is rolled back and run again; the units are written to be safe to repeat.
 */
final class Transactions {
    private static final int ATTEMPTS = 8;

    private final DataSource dataSource;

    Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T inTransaction(Work<T> work) {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(connection);
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                if (!isRetryable(e)) {
                    throw new QueueException("Database error: " + Database.rootMessage(e), e);
                }
                last = e;
                pause(attempt);
            }
        }
        throw new QueueException("Database kept reporting conflicts: " + Database.rootMessage(last), last);
    }

    <T> T read(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new QueueException("Database error: " + Database.rootMessage(e), e);
        }
    }

    /** Deadlock or serialization failure (SQLState class 40), or an H2 lock timeout. */
    static boolean isRetryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("40") || state.equals("HYT00"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the pool will discard it.
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(50, 2L << attempt) + (long) (Math.random() * 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueException("Interrupted while retrying a database conflict", e);
        }
    }
}
