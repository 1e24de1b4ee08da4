package org.jobdeck.queue.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jobdeck.queue.InvalidChangePositionException;
import org.jobdeck.queue.Run;

/**
 * PostgreSQL's changes, against snapshots (as PgQ reads its events). A change is stamped with the
 * id of its transaction; transaction ids are not handed out in commit order, so a position is a
 * snapshot ({@code xmin:xmax:in-progress ids}), not a number. The changes after snapshot P, up to
 * snapshot C taken now, are the rows whose stamp C sees as committed and P did not: each
 * transaction's changes appear in exactly one such window, however long another transaction
 * stays open. A window with more runs than a page is read in pages by run id, its position then
 * being {@code P/C/last run id}, so a reader that resumes mid-window neither repeats nor skips.
 */
final class PostgresChangeFeed implements ChangeFeed {
    private static final String SNAPSHOT = "(\\d{1,20}):(\\d{1,20}):((?:\\d{1,20})(?:,\\d{1,20})*)?";
    private static final Pattern POSITION = Pattern.compile("p(" + SNAPSHOT + ")(?:/(" + SNAPSHOT + ")/(\\d{1,19}))?");

    @Override
    public String head(Connection connection) throws SQLException {
        return "p" + current(connection);
    }

    @Override
    public ChangePage read(Connection connection, String position, int limit) throws SQLException {
        return read(connection, position, null, limit);
    }

    /**
     * With {@code upTo}, the window is (position, upTo]; a position that is itself mid-window keeps
     * its own end, which a caller's bound cannot move.
     */
    @Override
    public ChangePage read(Connection connection, String position, String bound, int limit) throws SQLException {
        Window window = Window.parse(position);
        String now = current(connection);
        if (Long.parseLong(window.end()) > Long.parseLong(xmax(now))) {
            throw new InvalidChangePositionException(position, "it lies after the newest change");
        }
        String given = bound == null ? null : Window.parse(bound).restingAt();
        if (given != null && Long.parseLong(xmax(given)) > Long.parseLong(xmax(now))) {
            throw new InvalidChangePositionException(bound, "it lies after the newest change");
        }
        String upTo = window.upTo() != null ? window.upTo() : given != null ? given : now;
        List<Run> runs = RunReader.select(connection, "SELECT " + RunReader.COLUMNS + " FROM jd_run"
                + " WHERE change_stamp >= ? AND change_stamp < ?"
                + " AND NOT pg_visible_in_snapshot(change_stamp::text::xid8, ?::pg_snapshot)"
                + " AND pg_visible_in_snapshot(change_stamp::text::xid8, ?::pg_snapshot)"
                + " AND id > ? ORDER BY id LIMIT " + limit,
                Long.parseLong(xmin(window.from())), Long.parseLong(xmax(upTo)), window.from(), upTo, window.afterRun());
        if (runs.size() < limit) {
            return new ChangePage(runs, "p" + upTo, false);
        }
        String last = runs.get(runs.size() - 1).id();
        return new ChangePage(runs, "p" + window.from() + "/" + upTo + "/" + last, true);
    }

    private static String current(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
             var row = statement.executeQuery("SELECT pg_current_snapshot()::text")) {
            row.next();
            return row.getString(1);
        }
    }

    private static String xmin(String snapshot) {
        return snapshot.substring(0, snapshot.indexOf(':'));
    }

    private static String xmax(String snapshot) {
        return snapshot.substring(snapshot.indexOf(':') + 1, snapshot.indexOf(':', snapshot.indexOf(':') + 1));
    }

    /** From snapshot {@code from} to {@code upTo} (null: to now), after run {@code afterRun}. */
    private record Window(String from, String upTo, long afterRun) {
        static Window parse(String position) {
            Matcher parts = POSITION.matcher(position);
            if (!parts.matches()) {
                throw new InvalidChangePositionException(position, "expected p<xmin>:<xmax>:<xip,…>");
            }
            String from = parts.group(1);
            String upTo = parts.group(5);
            try {
                checkSnapshot(position, from);
                if (upTo != null) {
                    checkSnapshot(position, upTo);
                }
                return new Window(from, upTo, upTo == null ? 0 : Long.parseLong(parts.group(9)));
            } catch (NumberFormatException tooLarge) {
                throw new InvalidChangePositionException(position, "a number is too large");
            }
        }

        /** What PostgreSQL's pg_snapshot input demands, checked here so that a client's typo is a 400. */
        private static void checkSnapshot(String position, String snapshot) {
            long xmin = Long.parseLong(xmin(snapshot));
            long xmax = Long.parseLong(xmax(snapshot));
            if (xmin > xmax) {
                throw new InvalidChangePositionException(position, "its xmin is after its xmax");
            }
            String list = snapshot.substring(snapshot.lastIndexOf(':') + 1);
            long previous = xmin - 1;
            for (String text : list.isEmpty() ? new String[0] : list.split(",")) {
                long xid = Long.parseLong(text);
                if (xid <= previous || xid >= xmax) {
                    throw new InvalidChangePositionException(position,
                            "its running transactions must rise from xmin to below xmax");
                }
                previous = xid;
            }
        }

        String end() {
            return xmax(upTo == null ? from : upTo);
        }

        /** The snapshot this position rests at, when it is not mid-window (a bound must be one). */
        String restingAt() {
            if (upTo != null) {
                throw new InvalidChangePositionException("p" + from + "/" + upTo + "/" + afterRun,
                        "a bound must be a position between windows, not within one");
            }
            return from;
        }
    }
}
