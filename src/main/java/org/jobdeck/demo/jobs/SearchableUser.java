package org.jobdeck.demo.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jobdeck.demo.DatasetInfo;
import org.jobdeck.demo.DemoDataset;
import org.jobdeck.demo.sql.BatchInsert;
import org.jobdeck.demo.sql.Jdbc;
import org.jobdeck.queue.handler.JobContext;

/**
 * searchable-user: one snapshot row per user for search: demographics, interests, strongest
 * trait (from build-user-traits, which it needs), post and follower counts recounted from the
 * rows (not the denormalised counters, which may have drifted), and the text a search matches.
 * Params: batchSize (users per progress step).
 */
public final class SearchableUser extends DemoJob {
    public SearchableUser(DemoDataset dataset) {
        super(dataset);
    }

    @Override
    public String name() {
        return "searchable-user";
    }

    private record Snapshot(long id, String name, String ageBucket, String region, String gender, StringBuilder interests) {
    }

    @Override
    protected void execute(JobContext context, DatasetInfo info) throws Exception {
        int batchSize = positive(context, "batchSize", 500);
        String summary = Jdbc.transaction(db(), connection -> {
            require(connection, "demo.user_traits", NO_TRAITS);
            Map<Long, Snapshot> users = new TreeMap<>();
            Jdbc.forEach(connection, "SELECT id, name, age_bucket, region, gender FROM demo.users", row ->
                    users.put(row.getLong(1), new Snapshot(row.getLong(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), new StringBuilder())));
            Jdbc.forEach(connection, "SELECT ui.user_id, i.name FROM demo.user_interests ui"
                    + " JOIN demo.interests i ON i.id = ui.interest_id ORDER BY ui.user_id, i.id", row -> {
                Snapshot user = users.get(row.getLong(1));
                if (user != null) {
                    user.interests().append(user.interests().length() == 0 ? "" : ",").append(row.getString(2));
                }
            });
            Map<Long, Integer> posts = counts(connection, "SELECT user_id, COUNT(*) FROM demo.posts GROUP BY user_id");
            Map<Long, Integer> followers = counts(connection,
                    "SELECT followee_id, COUNT(*) FROM demo.follows GROUP BY followee_id");
            Map<Long, String> topTraits = new HashMap<>();
            TraitVectors vectors = TraitVectors.load(connection);
            for (int i = 0; i < vectors.size(); i++) {
                topTraits.put(vectors.userIds[i], TraitVectors.topTrait(vectors.traits[i]));
            }
            context.throwIfCancelled();
            Jdbc.update(connection, "DELETE FROM demo.searchable_users");
            long snapshotAt = now();
            int done = 0;
            try (BatchInsert insert = new BatchInsert(connection, "INSERT INTO demo.searchable_users (user_id, name,"
                    + " age_bucket, region, gender, interests, top_trait, post_count, follower_count, search_text,"
                    + " snapshot_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Snapshot user : users.values()) {
                    String top = topTraits.get(user.id());
                    String text = String.join(" ", user.name(), user.ageBucket(), user.region(), user.gender(),
                            user.interests().toString().replace(',', ' '), top == null ? "" : top).toLowerCase().trim();
                    insert.add(user.id(), user.name(), user.ageBucket(), user.region(), user.gender(),
                            user.interests().toString(), top, posts.getOrDefault(user.id(), 0),
                            followers.getOrDefault(user.id(), 0), text, snapshotAt);
                    if (++done % batchSize == 0 || done == users.size()) {
                        context.throwIfCancelled();
                        context.progress(done, users.size(), "snapshots of " + done + " of " + users.size() + " users");
                    }
                }
            }
            return users.size() + " user snapshots, " + topTraits.size() + " with traits";
        });
        summary(context, summary);
    }

    private static Map<Long, Integer> counts(Connection connection, String sql) throws SQLException {
        Map<Long, Integer> counts = new HashMap<>();
        Jdbc.forEach(connection, sql, row -> counts.put(row.getLong(1), row.getInt(2)));
        return counts;
    }
}
