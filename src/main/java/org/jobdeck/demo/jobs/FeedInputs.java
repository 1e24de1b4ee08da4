package org.jobdeck.demo.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jobdeck.demo.sql.Jdbc;

/** Everything ranking needs, loaded once: posts by position, their content part, matches, affinities. */
final class FeedInputs {
    static final int[] NONE = new int[0];

    long[] postIds;
    long[] authors;
    int[] topics;
    /** {@code 0.2 quality + 0.1 recency}: the part of a post's score that is the same for everyone. */
    double[] contentScore;
    final Map<Long, int[]> postsByAuthor = new HashMap<>();
    final Map<Integer, int[]> bestByTopic = new HashMap<>();
    int[] bestOverall;
    final Map<Long, Map<Long, Double>> matches = new HashMap<>();
    final Map<Long, Map<Integer, Double>> affinity = new HashMap<>();

    int postCount() {
        return postIds.length;
    }

    static FeedInputs load(Connection connection, int overall, int perTopic) throws SQLException {
        FeedInputs in = new FeedInputs();
        long present = Jdbc.queryLong(connection, "SELECT MAX(created_at) FROM demo.posts");
        List<long[]> rows = new ArrayList<>();
        List<Double> quality = new ArrayList<>();
        Jdbc.forEach(connection, "SELECT p.id, p.user_id, p.topic_id, p.created_at, COALESCE(f.quality, 0)"
                + " FROM demo.posts p LEFT JOIN demo.post_features f ON f.post_id = p.id ORDER BY p.id", row -> {
            rows.add(new long[] {row.getLong(1), row.getLong(2), row.getInt(3), row.getLong(4)});
            quality.add(row.getDouble(5));
        });
        int n = rows.size();
        in.postIds = new long[n];
        in.authors = new long[n];
        in.topics = new int[n];
        in.contentScore = new double[n];
        Map<Long, List<Integer>> byAuthor = new HashMap<>();
        Map<Integer, TopK> byTopic = new HashMap<>();
        TopK overallBest = new TopK(Math.max(1, overall * 2));
        for (int p = 0; p < n; p++) {
            long[] row = rows.get(p);
            in.postIds[p] = row[0];
            in.authors[p] = row[1];
            in.topics[p] = (int) row[2];
            double ageDays = Math.max(0, present - row[3]) / (double) FeedPresort.DAY;
            in.contentScore[p] = FeedPresort.QUALITY_WEIGHT * quality.get(p) + FeedPresort.RECENCY_WEIGHT * Math.pow(2, -ageDays / 7);
            byAuthor.computeIfAbsent(row[1], a -> new ArrayList<>()).add(p);
            byTopic.computeIfAbsent(in.topics[p], t -> new TopK(perTopic)).offer(p, in.contentScore[p]);
            overallBest.offer(p, in.contentScore[p]);
        }
        byAuthor.forEach((author, posts) -> in.postsByAuthor.put(author,
                posts.stream().mapToInt(Integer::intValue).toArray()));
        byTopic.forEach((topic, top) -> in.bestByTopic.put(topic, positions(top)));
        in.bestOverall = positions(overallBest);
        Jdbc.forEach(connection, "SELECT user_id, other_id, score FROM demo.match_scores", row ->
                in.matches.computeIfAbsent(row.getLong(1), u -> new HashMap<>()).put(row.getLong(2), row.getDouble(3)));
        Jdbc.forEach(connection, "SELECT user_id, interest_id, score FROM demo.user_topic_affinity", row ->
                in.affinity.computeIfAbsent(row.getLong(1), u -> new HashMap<>()).put(row.getInt(2), row.getDouble(3)));
        return in;
    }

    private static int[] positions(TopK top) {
        int[] positions = new int[top.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = top.candidate(i);
        }
        return positions;
    }
}
