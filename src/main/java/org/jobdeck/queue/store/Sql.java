package org.jobdeck.queue.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.jobdeck.queue.UnknownRunException;

/** Small JDBC helpers: statements with positional values, and chunked IN lists. */
final class Sql {
    static final int IN_CHUNK = 500;

    private Sql() {
    }

    static int update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            return statement.executeUpdate();
        }
    }

    /** The first column of every row, as longs. */
    static List<Long> longs(Connection connection, String sql, Object... values) throws SQLException {
        List<Long> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(rows.getLong(1));
                }
            }
        }
        return result;
    }

    static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    /** Splits ids into lists small enough for one IN clause. */
    static List<List<Long>> chunks(Collection<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        List<Long> current = new ArrayList<>(Math.min(ids.size(), IN_CHUNK));
        for (Long id : ids) {
            current.add(id);
            if (current.size() == IN_CHUNK) {
                chunks.add(current);
                current = new ArrayList<>(IN_CHUNK);
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    static long parseId(String id, String what) {
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new UnknownRunException(id);
        }
    }
}
