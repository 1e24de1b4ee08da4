package org.jobdeck.queue.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jobdeck.queue.InvalidChangePositionException;
import org.jobdeck.queue.Run;

/**
 * H2's changes, by stamp: stamps come from a counter held until commit ({@link H2Dialect}), so a
 * stamp is visible only after every smaller one is. A position is {@code h<stamp>.<run id>}: the
 * last change read (the run id orders the runs of one transaction, for pages).
 */
final class H2ChangeFeed implements ChangeFeed {
    private static final Pattern POSITION = Pattern.compile("h(\\d{1,19})\\.(\\d{1,19})");

    @Override
    public String head(Connection connection) throws SQLException {
        return position(counter(connection), Long.MAX_VALUE);
    }

    @Override
    public ChangePage read(Connection connection, String position, int limit) throws SQLException {
        return read(connection, position, null, limit);
    }

    @Override
    public ChangePage read(Connection connection, String position, String upTo, int limit) throws SQLException {
        long[] from = parse(connection, position);
        long[] to = upTo == null ? new long[] {Long.MAX_VALUE, Long.MAX_VALUE} : parse(connection, upTo);
        List<Long> stamps = new ArrayList<>();
        List<Run> runs = RunReader.select(connection, "SELECT " + RunReader.COLUMNS + ", change_stamp FROM jd_run"
                + " WHERE (change_stamp, id) > (?, ?) AND (change_stamp, id) <= (?, ?)"
                + " ORDER BY change_stamp, id LIMIT " + limit, stamps, from[0], from[1], to[0], to[1]);
        if (runs.isEmpty()) {
            return new ChangePage(runs, position, false);
        }
        Run last = runs.get(runs.size() - 1);
        return new ChangePage(runs, position(stamps.get(stamps.size() - 1), Long.parseLong(last.id())),
                runs.size() == limit);
    }

    /** {stamp, run} of a position, checked: well formed, and not after the newest change. */
    private static long[] parse(Connection connection, String position) throws SQLException {
        Matcher parts = POSITION.matcher(position);
        if (!parts.matches()) {
            throw new InvalidChangePositionException(position, "expected h<stamp>.<run>");
        }
        long stamp;
        long run;
        try {
            stamp = Long.parseLong(parts.group(1));
            run = Long.parseLong(parts.group(2));
        } catch (NumberFormatException tooLarge) {
            throw new InvalidChangePositionException(position, "a number is too large");
        }
        if (stamp > counter(connection)) {
            throw new InvalidChangePositionException(position, "it lies after the newest change");
        }
        return new long[] {stamp, run};
    }

    private static long counter(Connection connection) throws SQLException {
        return Sql.longs(connection, "SELECT stamp FROM jd_change_counter WHERE id = 1").get(0);
    }

    private static String position(long stamp, long run) {
        return "h" + stamp + "." + run;
    }
}
