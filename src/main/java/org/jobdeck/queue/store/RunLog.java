package org.jobdeck.queue.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Each run's log: lines its handler wrote, kept per run and bounded to the newest
 * {@link #MAX_LINES} lines of at most {@link #MAX_LINE_LENGTH} characters each.
 */
public final class RunLog {
    public static final int MAX_LINES = 1000;
    public static final int MAX_LINE_LENGTH = 2000;

    private final Transactions tx;
    private final StoreTime time;

    RunLog(Transactions tx, StoreTime time) {
        this.tx = tx;
        this.time = time;
    }

    /** One stored line. */
    public record Line(long seq, long at, String text) {
    }

    /** Appends lines to a run's log, then drops the oldest beyond the bound. */
    public void append(String runId, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        long id = Sql.parseId(runId, "run");
        tx.inTransaction(connection -> {
            long last = 0;
            try (PreparedStatement max = connection.prepareStatement(
                    "SELECT COALESCE(MAX(seq), 0) FROM jd_run_log WHERE run_id = ?")) {
                max.setLong(1, id);
                try (ResultSet row = max.executeQuery()) {
                    row.next();
                    last = row.getLong(1);
                }
            }
            long now = time.millis();
            int skip = Math.max(0, lines.size() - MAX_LINES);
            long seq = last + skip;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO jd_run_log (run_id, seq, at, line) VALUES (?, ?, ?, ?)")) {
                for (String line : lines.subList(skip, lines.size())) {
                    Sql.bind(insert, id, ++seq, now, LeaseWriter.truncate(line, MAX_LINE_LENGTH));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Sql.update(connection, "DELETE FROM jd_run_log WHERE run_id = ? AND seq <= ?", id, seq - MAX_LINES);
            return null;
        });
    }

    /** The newest {@code count} lines, oldest first; none when {@code count} is 0 or less. */
    public List<Line> tail(String runId, int count) {
        long id = Sql.parseId(runId, "run");
        if (count <= 0) {
            return List.of(); // a run detail without its log: log=0 asks for none, not one
        }
        return tx.read(connection -> {
            List<Line> lines = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT seq, at, line"
                    + " FROM jd_run_log WHERE run_id = ? ORDER BY seq DESC LIMIT " + count)) {
                select.setLong(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        lines.add(new Line(rows.getLong(1), rows.getLong(2), rows.getString(3)));
                    }
                }
            }
            Collections.reverse(lines);
            return lines;
        });
    }
}
