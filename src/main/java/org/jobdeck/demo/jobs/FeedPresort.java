package org.jobdeck.demo.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jobdeck.demo.DatasetInfo;
import org.jobdeck.demo.DemoDataset;
import org.jobdeck.demo.sql.BatchInsert;
import org.jobdeck.demo.sql.Jdbc;
import org.jobdeck.queue.handler.JobContext;
import org.jobdeck.queue.handler.PermanentJobFailure;

/**
 * feed-presort: for each user, maxSegments segments of segmentSize posts, best first, scored
 * {@code 0.4 match(author) + 0.3 affinity(topic) + 0.2 quality + 0.1 recency}. Candidates are
 * the posts of the user's matches, the best posts of their three strongest topics, and the best
 * posts overall; a user's own posts are left out. Needs match-scores, affinity and
 * content-features. Params: batchSize (users per progress step), segmentSize, maxSegments,
 * incremental (only users without segments), userId.
 */
public final class FeedPresort extends DemoJob {
    static final double MATCH_WEIGHT = 0.4;
    static final double AFFINITY_WEIGHT = 0.3;
    static final double QUALITY_WEIGHT = 0.2;
    static final double RECENCY_WEIGHT = 0.1;
    static final int TOPICS_PER_USER = 3;
    static final int POSTS_PER_TOPIC = 50;
    static final long DAY = 86_400_000L;
    /** A segment's post ids fit demo.feed_segments.post_ids (4,000 characters). */
    static final int MAX_SEGMENT_SIZE = 200;

    public FeedPresort(DemoDataset dataset) {
        super(dataset);
    }

    @Override
    public String name() {
        return "feed-presort";
    }

    @Override
    protected void execute(JobContext context, DatasetInfo info) throws Exception {
        int batchSize = positive(context, "batchSize", 100);
        int segmentSize = positive(context, "segmentSize", 20);
        int maxSegments = positive(context, "maxSegments", 3);
        if (segmentSize > MAX_SEGMENT_SIZE) {
            throw new PermanentJobFailure("segmentSize must be at most " + MAX_SEGMENT_SIZE + ", got " + segmentSize);
        }
        boolean incremental = context.booleanParam("incremental", false);
        Long only = userId(context);
        String summary = Jdbc.transaction(db(), connection -> {
            require(connection, "demo.match_scores", NO_MATCHES);
            require(connection, "demo.user_topic_affinity", NO_AFFINITY);
            require(connection, "demo.post_features", NO_FEATURES);
            List<Long> users = users(connection, only, incremental);
            FeedInputs inputs = FeedInputs.load(connection, segmentSize * maxSegments, POSTS_PER_TOPIC);
            context.progress(0, users.size(), "loaded " + inputs.postCount() + " posts");
            if (only != null) {
                Jdbc.update(connection, "DELETE FROM demo.feed_segments WHERE user_id = ?", only);
            } else if (!incremental) {
                Jdbc.update(connection, "DELETE FROM demo.feed_segments");
            }
            TopK best = new TopK(segmentSize * maxSegments);
            int[] seen = new int[inputs.postCount()];
            long createdAt = now();
            long posts = 0;
            try (BatchInsert insert = new BatchInsert(connection, "INSERT INTO demo.feed_segments (user_id,"
                    + " segment_no, post_ids, post_count, top_score, min_score, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int k = 0; k < users.size(); k++) {
                    long user = users.get(k);
                    rank(inputs, user, k + 1, seen, best);
                    for (int from = 0, segment = 0; from < best.size(); from += segmentSize, segment++) {
                        int to = Math.min(best.size(), from + segmentSize);
                        StringBuilder ids = new StringBuilder();
                        for (int rank = from; rank < to; rank++) {
                            ids.append(rank == from ? "" : ",").append(inputs.postIds[best.candidate(rank)]);
                        }
                        insert.add(user, segment, ids.toString(), to - from, best.score(from), best.score(to - 1), createdAt);
                    }
                    posts += best.size();
                    if ((k + 1) % batchSize == 0 || k + 1 == users.size()) {
                        context.throwIfCancelled();
                        context.progress(k + 1, users.size(), "presorted " + (k + 1) + " of " + users.size() + " users");
                    }
                }
                return users.size() + " users" + (incremental ? " without segments" : "") + ", " + insert.rows()
                        + " segments of up to " + segmentSize + " posts (" + posts + " posts)";
            }
        });
        summary(context, summary);
    }

    private static List<Long> users(Connection connection, Long only, boolean incremental) throws SQLException {
        List<Long> users = new ArrayList<>();
        if (only != null) {
            requireUser(connection, only);
            users.add(only);
            return users;
        }
        Jdbc.forEach(connection, "SELECT u.id FROM demo.users u" + (incremental
                ? " WHERE NOT EXISTS (SELECT 1 FROM demo.feed_segments s WHERE s.user_id = u.id)" : "")
                + " ORDER BY u.id", row -> users.add(row.getLong(1)));
        return users;
    }

    /** Fills {@code best} with the user's top posts; {@code stamp} marks candidates already scored. */
    private static void rank(FeedInputs in, long user, int stamp, int[] seen, TopK best) {
        best.clear();
        Map<Long, Double> matches = in.matches.getOrDefault(user, Map.of());
        Map<Integer, Double> affinity = in.affinity.getOrDefault(user, Map.of());
        for (Map.Entry<Long, Double> match : matches.entrySet()) {
            for (int post : in.postsByAuthor.getOrDefault(match.getKey(), FeedInputs.NONE)) {
                offer(in, user, post, stamp, seen, best, matches, affinity);
            }
        }
        affinity.entrySet().stream()
                .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOPICS_PER_USER)
                .forEach(topic -> {
                    for (int post : in.bestByTopic.getOrDefault(topic.getKey(), FeedInputs.NONE)) {
                        offer(in, user, post, stamp, seen, best, matches, affinity);
                    }
                });
        for (int post : in.bestOverall) {
            offer(in, user, post, stamp, seen, best, matches, affinity);
        }
    }

    private static void offer(FeedInputs in, long user, int post, int stamp, int[] seen, TopK best,
                              Map<Long, Double> matches, Map<Integer, Double> affinity) {
        if (seen[post] == stamp || in.authors[post] == user) {
            return;
        }
        seen[post] = stamp;
        double score = MATCH_WEIGHT * matches.getOrDefault(in.authors[post], 0.0)
                + AFFINITY_WEIGHT * affinity.getOrDefault(in.topics[post], 0.0)
                + in.contentScore[post];
        best.offer(post, score);
    }
}
