package org.jobdeck.demo.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.jobdeck.demo.DatasetInfo;
import org.jobdeck.demo.DemoDataset;
import org.jobdeck.demo.sql.Jdbc;
import org.jobdeck.queue.handler.JobContext;
import org.jobdeck.queue.handler.PermanentJobFailure;

/**
 * interest-relationships: pairs of interests that users share, with how many users hold both
 * and the Jaccard index of the two interests' user sets ({@code both / either}); pairs held by fewer than
 * minCooccurrence users are left out. Each pair is stored both ways. Set-based SQL only.
 */
public final class InterestRelationships extends DemoJob {
    public InterestRelationships(DemoDataset dataset) {
        super(dataset);
    }

    @Override
    public String name() {
        return "interest-relationships";
    }

    @Override
    protected void execute(JobContext context, DatasetInfo info) throws Exception {
        int minCooccurrence = context.intParam("minCooccurrence", 3);
        if (minCooccurrence < 1) {
            throw new PermanentJobFailure("minCooccurrence must be at least 1, got " + minCooccurrence);
        }
        String summary = Jdbc.transaction(db(), connection -> {
            require(connection, "demo.user_interests", "No user interests in the demo dataset");
            context.progress(0, 2, "counting co-occurrences");
            Jdbc.update(connection, "DELETE FROM demo.interest_relationships");
            int rows = Jdbc.update(connection, "INSERT INTO demo.interest_relationships"
                    + " (interest_id, related_id, cooccurrence, jaccard, computed_at)"
                    + " SELECT pairs.a, pairs.b, pairs.n, CAST(pairs.n AS DOUBLE PRECISION) / (ca.n + cb.n - pairs.n), ?"
                    + " FROM (SELECT x.interest_id AS a, y.interest_id AS b, COUNT(*) AS n"
                    + "       FROM demo.user_interests x JOIN demo.user_interests y"
                    + "         ON y.user_id = x.user_id AND y.interest_id <> x.interest_id"
                    + "       GROUP BY x.interest_id, y.interest_id HAVING COUNT(*) >= ?) pairs"
                    + " JOIN (SELECT interest_id, COUNT(*) AS n FROM demo.user_interests GROUP BY interest_id) ca"
                    + "   ON ca.interest_id = pairs.a"
                    + " JOIN (SELECT interest_id, COUNT(*) AS n FROM demo.user_interests GROUP BY interest_id) cb"
                    + "   ON cb.interest_id = pairs.b", now(), minCooccurrence);
            context.throwIfCancelled();
            context.progress(1, 2, rows + " relationships");
            long interests = Jdbc.queryLong(connection,
                    "SELECT COUNT(DISTINCT interest_id) FROM demo.interest_relationships");
            String strongest = strongest(connection);
            context.progress(2, 2, rows + " relationships");
            return rows / 2 + " interest pairs co-occurring at least " + minCooccurrence + " times, over "
                    + interests + " interests" + strongest;
        });
        summary(context, summary);
    }

    private static String strongest(Connection connection) throws SQLException {
        StringBuilder result = new StringBuilder();
        Jdbc.forEach(connection, "SELECT a.name, b.name, r.jaccard FROM demo.interest_relationships r"
                + " JOIN demo.interests a ON a.id = r.interest_id JOIN demo.interests b ON b.id = r.related_id"
                + " WHERE r.interest_id < r.related_id ORDER BY r.jaccard DESC, r.interest_id, r.related_id LIMIT 1",
                row -> result.append(String.format(Locale.ROOT, ", strongest %s~%s (Jaccard %.2f)",
                        row.getString(1), row.getString(2), row.getDouble(3))));
        return result.toString();
    }
}
