package org.jobdeck.demo.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jobdeck.demo.DatasetInfo;
import org.jobdeck.demo.DemoDataset;
import org.jobdeck.demo.sql.Jdbc;
import org.jobdeck.queue.handler.JobContext;

/**
 * stats-reconcile: recounts the denormalised counters (users' post, follower and following
 * counts; posts' like counts) from the rows, and sets those that drifted to the true count.
 * Reports how many it fixed, per counter. Params: batchSize (updates per JDBC batch and progress
 * step), dryRun (report only).
 */
public final class StatsReconcile extends DemoJob {
    /** A counter column, and the query that yields (id, stored, true count) for its drifted rows. */
    record Counter(String label, String update, String drifted) {
    }

    static final List<Counter> COUNTERS = List.of(
            new Counter("users.post_count", "UPDATE demo.users SET post_count = ? WHERE id = ?",
                    "SELECT u.id, u.post_count, COALESCE(c.n, 0) FROM demo.users u LEFT JOIN"
                            + " (SELECT user_id, COUNT(*) AS n FROM demo.posts GROUP BY user_id) c ON c.user_id = u.id"
                            + " WHERE u.post_count <> COALESCE(c.n, 0) ORDER BY u.id"),
            new Counter("users.follower_count", "UPDATE demo.users SET follower_count = ? WHERE id = ?",
                    "SELECT u.id, u.follower_count, COALESCE(c.n, 0) FROM demo.users u LEFT JOIN"
                            + " (SELECT followee_id, COUNT(*) AS n FROM demo.follows GROUP BY followee_id) c"
                            + " ON c.followee_id = u.id WHERE u.follower_count <> COALESCE(c.n, 0) ORDER BY u.id"),
            new Counter("users.following_count", "UPDATE demo.users SET following_count = ? WHERE id = ?",
                    "SELECT u.id, u.following_count, COALESCE(c.n, 0) FROM demo.users u LEFT JOIN"
                            + " (SELECT follower_id, COUNT(*) AS n FROM demo.follows GROUP BY follower_id) c"
                            + " ON c.follower_id = u.id WHERE u.following_count <> COALESCE(c.n, 0) ORDER BY u.id"),
            new Counter("posts.like_count", "UPDATE demo.posts SET like_count = ? WHERE id = ?",
                    "SELECT p.id, p.like_count, COALESCE(c.n, 0) FROM demo.posts p LEFT JOIN"
                            + " (SELECT post_id, COUNT(*) AS n FROM demo.likes GROUP BY post_id) c ON c.post_id = p.id"
                            + " WHERE p.like_count <> COALESCE(c.n, 0) ORDER BY p.id"));

    public StatsReconcile(DemoDataset dataset) {
        super(dataset);
    }

    @Override
    public String name() {
        return "stats-reconcile";
    }

    @Override
    protected void execute(JobContext context, DatasetInfo info) throws Exception {
        int batchSize = positive(context, "batchSize", 1000);
        boolean dryRun = context.booleanParam("dryRun", false);
        String summary = Jdbc.transaction(db(), connection -> {
            require(connection, "demo.users", "No users in the demo dataset");
            List<List<long[]>> drifted = findDrifted(connection);
            long total = drifted.stream().mapToLong(List::size).sum();
            long fixed = 0;
            List<String> parts = new ArrayList<>();
            for (int c = 0; c < COUNTERS.size(); c++) {
                parts.add(COUNTERS.get(c).label() + " " + drifted.get(c).size());
                if (!dryRun) {
                    fixed = fix(connection, COUNTERS.get(c), drifted.get(c), batchSize, fixed, total, context);
                }
            }
            context.progress(total, total, (dryRun ? "found " : "fixed ") + total + " drifted counters");
            long users = Jdbc.queryLong(connection, "SELECT COUNT(*) FROM demo.users");
            long posts = Jdbc.queryLong(connection, "SELECT COUNT(*) FROM demo.posts");
            return (dryRun ? "dry run, would fix " : "fixed ") + total + " drifted counters ("
                    + String.join(", ", parts) + ") over " + users + " users and " + posts + " posts";
        });
        summary(context, summary);
    }

    /** Per counter, its drifted rows as {id, stored, true count}. */
    private static List<List<long[]>> findDrifted(Connection connection) throws SQLException {
        List<List<long[]>> drifted = new ArrayList<>();
        for (Counter counter : COUNTERS) {
            List<long[]> rows = new ArrayList<>();
            Jdbc.forEach(connection, counter.drifted(),
                    row -> rows.add(new long[] {row.getLong(1), row.getLong(2), row.getLong(3)}));
            drifted.add(rows);
        }
        return drifted;
    }

    private static long fix(Connection connection, Counter counter, List<long[]> rows, int batchSize, long done,
                            long total, JobContext context) throws SQLException {
        try (var update = connection.prepareStatement(counter.update())) {
            for (int i = 0; i < rows.size(); i++) {
                update.setLong(1, rows.get(i)[2]);
                update.setLong(2, rows.get(i)[0]);
                update.addBatch();
                done++;
                if ((i + 1) % batchSize == 0 || i + 1 == rows.size()) {
                    update.executeBatch();
                    context.throwIfCancelled();
                    context.progress(done, total, "fixed " + done + " of " + total + " counters");
                }
            }
        }
        return done;
    }
}
