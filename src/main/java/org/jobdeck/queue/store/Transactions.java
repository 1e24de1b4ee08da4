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
    private final CommitSync sync;

    /** @param sync what makes a committed transaction durable, where commit alone does not */
    Transactions(DataSource dataSource, CommitSync sync) {
        this.dataSource = dataSource;
        this.sync = sync;
    }

    /** Forces what a connection committed onto the disk (H2 file databases: CHECKPOINT SYNC). */
    @FunctionalInterface
    interface CommitSync {
        CommitSync NONE = connection -> { };

        void force(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T inTransaction(Work<T> work) {
        return inTransaction(work, false);
    }

    /**
     * A transaction whose outcome someone is told of (a batch enqueued, a run ended, a cancel or
     * retry accepted): it is on disk before this returns, so that a crash an instant later
     * cannot take back what was confirmed.
     */
    <T> T inDurableTransaction(Work<T> work) {
        return inTransaction(work, true);
    }

    private <T> T inTransaction(Work<T> work, boolean durable) {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    if (durable) {
                        sync.force(connection);
                    }
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
