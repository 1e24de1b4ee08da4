package org.jobdeck.fault;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.jobdeck.queue.handler.JobCancelledException;
import org.jobdeck.queue.handler.JobHandler;
import org.jobdeck.queue.handler.JobHandlerProvider;

/**
 * The handlers of the fault tests' worker processes, found by ServiceLoader in those processes
 * (and inert everywhere else: without {@code -Djobdeck.fault.db} they provide nothing).
 *
 * <p>Each execution writes a row to {@code fault_execution} when it starts and stamps it when it
 * ends, with PostgreSQL's clock, so the test can check from outside every process that each run
 * executed, in dependency order, and that no two executions of one run overlapped.
 */
public final class RecordingHandlers implements JobHandlerProvider {
    static final String DB = "jobdeck.fault.db";
    static final String JOBS = "jobdeck.fault.jobs";
    static final String HOLD_MILLIS = "jobdeck.fault.holdMillis";

    static String jobName(int index) {
        return String.format("fault-%04d", index);
    }

    static final String TABLE = "CREATE TABLE fault_execution (run_id BIGINT NOT NULL, attempt INT NOT NULL,"
            + " worker VARCHAR(40) NOT NULL, started_at TIMESTAMP(6) NOT NULL, finished_at TIMESTAMP(6))";

    @Override
    public Map<String, JobHandler> handlers() {
        String db = System.getProperty(DB);
        if (db == null) {
            return Map.of();
        }
        long hold = Long.getLong(HOLD_MILLIS, 0);
        String worker = Long.toString(ProcessHandle.current().pid());
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> connect(db));
        JobHandler handler = context -> {
            Connection connection = connections.get();
            long runId = Long.parseLong(context.runId());
            try {
                execute(connection, "INSERT INTO fault_execution (run_id, attempt, worker, started_at)"
                        + " VALUES (?, ?, ?, clock_timestamp())", runId, context.attempt(), worker);
                if (hold > 0) {
                    try {
                        Thread.sleep(hold); // a run that takes a while, so a worker can be stopped while it holds runs
                    } catch (InterruptedException e) {
                        throw new JobCancelledException();
                    }
                }
                execute(connection, "UPDATE fault_execution SET finished_at = clock_timestamp()"
                        + " WHERE run_id = ? AND attempt = ? AND worker = ?", runId, context.attempt(), worker);
            } catch (SQLException e) {
                connections.remove(); // the database went away: the next run on this thread reconnects
                connection.close();
                throw e;
            }
        };
        Map<String, JobHandler> handlers = new HashMap<>();
        for (int i = 0; i < Integer.getInteger(JOBS); i++) {
            handlers.put(jobName(i), handler);
        }
        return handlers;
    }

    private static Connection connect(String url) {
        try {
            return DriverManager.getConnection(url);
        } catch (SQLException e) {
            throw new IllegalStateException("fault handlers cannot reach " + url + ": " + e.getMessage(), e);
        }
    }

    private static void execute(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
