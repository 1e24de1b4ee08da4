package org.jobdeck.demo.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jobdeck.demo.DatasetInfo;
import org.jobdeck.demo.DemoDataset;
import org.jobdeck.demo.sql.Jdbc;
import org.jobdeck.queue.handler.JobContext;
import org.jobdeck.queue.handler.JobHandler;
import org.jobdeck.queue.handler.PermanentJobFailure;

/**
 * A handler of the default catalog over the demo dataset. It makes sure the dataset exists
 * (creating it on first use), then computes its output. Outputs are replaced in one transaction,
 * so a reader never sees half of one; a cancelled run rolls back.
 */
public abstract class DemoJob implements JobHandler {
    /** "no user traits yet" and friends: the message a downstream job fails with. */
    static final String NO_TRAITS = "No user traits yet: run build-user-traits first";
    static final String NO_FEATURES = "No content features yet: run content-features first";
    static final String NO_MATCHES = "No match scores yet: run match-scores first";
    static final String NO_AFFINITY = "No affinity profiles yet: run affinity first";

    protected final DemoDataset dataset;

    protected DemoJob(DemoDataset dataset) {
        this.dataset = dataset;
    }

    /** The catalog job this handler runs. */
    public abstract String name();

    @Override
    public final void run(JobContext context) throws Exception {
        DatasetInfo info = dataset.ensure();
        execute(context, info);
    }

    protected abstract void execute(JobContext context, DatasetInfo info) throws Exception;

    protected DataSource db() {
        return dataset.dataSource();
    }

    protected long now() {
        return dataset.clock().millis();
    }

    /** Logs the run's one-line summary, prefixed with the job name. */
    protected void summary(JobContext context, String text) {
        context.log(name() + ": " + text);
    }

    /** Fails the run at once, naming the missing input, when {@code table} has no row. */
    protected static void require(Connection connection, String table, String message) throws SQLException {
        if (!Jdbc.exists(connection, "SELECT 1 FROM " + table + " LIMIT 1")) {
            throw new PermanentJobFailure(message);
        }
    }

    /** The {@code userId} param when given (a number, or a string of digits); null for every user. */
    protected static Long userId(JobContext context) {
        Object value = context.params().get("userId");
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new PermanentJobFailure("userId must be a user id, got \"" + value + "\"");
        }
    }

    /** Fails the run at once when a given user id is not in the dataset. */
    protected static void requireUser(Connection connection, long userId) throws SQLException {
        if (!Jdbc.exists(connection, "SELECT 1 FROM demo.users WHERE id = ?", userId)) {
            throw new PermanentJobFailure("No user " + userId + " in the demo dataset");
        }
    }

    /** A positive int param, with the default when absent. */
    protected static int positive(JobContext context, String key, int fallback) {
        int value = context.intParam(key, fallback);
        if (value < 1) {
            throw new PermanentJobFailure(key + " must be at least 1, got " + value);
        }
        return value;
    }

}
