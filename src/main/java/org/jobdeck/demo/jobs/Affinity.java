package org.jobdeck.demo.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jobdeck.demo.DatasetInfo;
import org.jobdeck.demo.DemoDataset;
import org.jobdeck.demo.sql.BatchInsert;
import org.jobdeck.demo.sql.Jdbc;
import org.jobdeck.queue.handler.JobContext;
import org.jobdeck.queue.handler.PermanentJobFailure;

/**
 * affinity: how much each user cares about each topic, from what they like and whom they
 * follow: {@code liked posts on the topic + 0.25 * posts on the topic by people they follow},
 * scaled so that the user's strongest topic is 1; each user's ten strongest topics are kept.
 * Reads likes, follows and posts only (no job output). Params: batchSize (users per progress step).
 */
public final class Affinity extends DemoJob {
    static final double FOLLOW_WEIGHT = 0.25;
    /** A profile keeps the user's strongest topics only; feed-presort uses the top three. */
    static final int TOPICS_PER_USER = 10;

    public Affinity(DemoDataset dataset) {
        super(dataset);
    }

    @Override
    public String name() {
        return "affinity";
    }

    @Override
    protected void execute(JobContext context, DatasetInfo info) throws Exception {
        int batchSize = positive(context, "batchSize", 500);
        String summary = Jdbc.transaction(db(), connection -> {
            if (!Jdbc.exists(connection, "SELECT 1 FROM demo.likes LIMIT 1")
                    && !Jdbc.exists(connection, "SELECT 1 FROM demo.follows LIMIT 1")) {
                throw new PermanentJobFailure("No likes or follows in the demo dataset");
            }
            // user -> topic -> {liked, followed}
            Map<Long, TreeMap<Integer, int[]>> counts = new TreeMap<>();
            Jdbc.forEach(connection, "SELECT l.user_id, p.topic_id, COUNT(*) FROM demo.likes l"
                    + " JOIN demo.posts p ON p.id = l.post_id GROUP BY l.user_id, p.topic_id", row ->
                    counts.computeIfAbsent(row.getLong(1), u -> new TreeMap<>())
                            .computeIfAbsent(row.getInt(2), t -> new int[2])[0] += row.getInt(3));
            Map<Long, List<int[]>> authorTopics = new HashMap<>();
            Jdbc.forEach(connection, "SELECT user_id, topic_id, COUNT(*) FROM demo.posts GROUP BY user_id, topic_id",
                    row -> authorTopics.computeIfAbsent(row.getLong(1), u -> new ArrayList<>())
                            .add(new int[] {row.getInt(2), row.getInt(3)}));
            Jdbc.forEach(connection, "SELECT follower_id, followee_id FROM demo.follows", row -> {
                List<int[]> topics = authorTopics.get(row.getLong(2));
                if (topics != null) {
                    TreeMap<Integer, int[]> mine = counts.computeIfAbsent(row.getLong(1), u -> new TreeMap<>());
                    for (int[] topic : topics) {
                        mine.computeIfAbsent(topic[0], t -> new int[2])[1] += topic[1];
                    }
                }
            });
            context.throwIfCancelled();
            Jdbc.update(connection, "DELETE FROM demo.user_topic_affinity");
            long computedAt = now();
            int done = 0;
            try (BatchInsert insert = new BatchInsert(connection, "INSERT INTO demo.user_topic_affinity"
                    + " (user_id, interest_id, score, liked_posts, followed_posts, computed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Map.Entry<Long, TreeMap<Integer, int[]>> user : counts.entrySet()) {
                    List<Map.Entry<Integer, int[]>> topics = new ArrayList<>(user.getValue().entrySet());
                    topics.sort(Comparator.comparingDouble((Map.Entry<Integer, int[]> t) -> raw(t.getValue()))
                            .reversed().thenComparing(Map.Entry::getKey));
                    double strongest = raw(topics.get(0).getValue());
                    for (Map.Entry<Integer, int[]> topic : topics.subList(0, Math.min(TOPICS_PER_USER, topics.size()))) {
                        int[] c = topic.getValue();
                        insert.add(user.getKey(), topic.getKey(), raw(c) / strongest, c[0], c[1], computedAt);
                    }
                    if (++done % batchSize == 0 || done == counts.size()) {
                        context.throwIfCancelled();
                        context.progress(done, counts.size(), "profiles of " + done + " of " + counts.size() + " users");
                    }
                }
                return counts.size() + " users, " + insert.rows() + " user-topic affinities";
            }
        });
        summary(context, summary);
    }

    private static double raw(int[] counts) {
        return counts[0] + FOLLOW_WEIGHT * counts[1];
    }
}
