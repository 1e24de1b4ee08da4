package org.jobdeck.demo.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import javax.sql.DataSource;
import org.jobdeck.demo.DemoDataException;

/**
 * The little JDBC the demo needs: transactions that retry when a parallel job got in the way,
 * and one-line queries. SQL here runs unchanged on H2 2.x and PostgreSQL.
 */
public final class Jdbc {
    static final int ATTEMPTS = 4;

    private Jdbc() {
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws Exception;
    }

    /**
     * Runs {@code work} in one transaction and commits it; rolls back on any exception. A lock
     * timeout, deadlock, serialization failure or duplicate key (two delete-then-insert writers
     * at once) runs the work again, up to {@value #ATTEMPTS} times.
     */
    public static <T> T transaction(DataSource dataSource, Work<T> work) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.apply(connection);
                    connection.commit();
                    return result;
                } catch (Exception | Error e) {
                    rollbackQuietly(connection, e);
                    if (attempt < ATTEMPTS && e instanceof SQLException sql && isTransient(sql)) {
                        Thread.sleep(25L * attempt);
                        continue;
                    }
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            }
        }
    }

    /** Errors that another try can get past: the other writer has finished by then. */
    static boolean isTransient(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState() == null ? "" : s.getSQLState();
            int code = s.getErrorCode();
            if (state.equals("40001") || state.equals("40P01") || state.equals("23505")
                    || state.equals("HYT00") || state.equals("55P03")
                    || code == 90131 /* H2: concurrent update */ || code == 50200 /* H2: lock timeout */) {
                return true;
            }
        }
        return false;
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    public static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    public static int update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            return statement.executeUpdate();
        }
    }

    /** The first column of the first row as a long; 0 when there is no row or it is null. */
    public static long queryLong(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    /** True when the query returns a row. */
    public static boolean exists(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Row handler for {@link #forEach}. */
    @FunctionalInterface
    public interface RowHandler {
        void accept(ResultSet row) throws SQLException;
    }

    public static void forEach(Connection connection, String sql, RowHandler handler, Object... values)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            statement.setFetchSize(1000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.accept(rows);
                }
            }
        }
    }

    /** A SQLException as one line, for errors that reach an operator. */
    public static DemoDataException wrap(String what, SQLException e) {
        return new DemoDataException(what + ": " + e.getMessage().lines().findFirst().orElse(""), e);
    }
}
