package org.jobdeck.demo.jobs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jobdeck.demo.DatasetInfo;
import org.jobdeck.demo.DemoDataset;
import org.jobdeck.demo.sql.BatchInsert;
import org.jobdeck.demo.sql.Jdbc;
import org.jobdeck.queue.handler.JobContext;

/**
 * content-features: for each post, its length, tokens, hashtags and whether it shows media, plus
 * a quality score in [0, 1] ({@code 0.4 media + 0.3 hashtags (up to 3) + 0.3 length (up to 160
 * characters)}) that trending and feed-presort use. Params: batchSize, incremental (only posts
 * without features).
 */
public final class ContentFeatures extends DemoJob {
    public ContentFeatures(DemoDataset dataset) {
        super(dataset);
    }

    @Override
    public String name() {
        return "content-features";
    }

    private record Post(long id, String body, boolean hasMedia) {
    }

    @Override
    protected void execute(JobContext context, DatasetInfo info) throws Exception {
        int batchSize = positive(context, "batchSize", 1000);
        boolean incremental = context.booleanParam("incremental", false);
        String summary = Jdbc.transaction(db(), connection -> {
            require(connection, "demo.posts", "No posts in the demo dataset");
            List<Post> posts = new ArrayList<>();
            Jdbc.forEach(connection, "SELECT p.id, p.body, p.media_id FROM demo.posts p"
                    + (incremental ? " WHERE NOT EXISTS (SELECT 1 FROM demo.post_features f WHERE f.post_id = p.id)" : "")
                    + " ORDER BY p.id", row -> {
                long id = row.getLong(1);
                String body = row.getString(2);
                row.getLong(3);
                posts.add(new Post(id, body, !row.wasNull()));
            });
            if (!incremental) {
                Jdbc.update(connection, "DELETE FROM demo.post_features");
            }
            long computedAt = now();
            long hashtagTotal = 0;
            try (BatchInsert features = new BatchInsert(connection, "INSERT INTO demo.post_features (post_id,"
                    + " char_length, token_count, distinct_tokens, hashtag_count, hashtags, has_media, quality,"
                    + " computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < posts.size(); i++) {
                    Post post = posts.get(i);
                    List<String> words = Text.words(post.body());
                    List<String> hashtags = Text.hashtags(post.body());
                    features.add(post.id(), post.body().length(), words.size(), new HashSet<>(words).size(),
                            hashtags.size(), String.join(" ", hashtags), post.hasMedia(),
                            quality(post.hasMedia(), hashtags.size(), post.body().length()), computedAt);
                    hashtagTotal += hashtags.size();
                    if ((i + 1) % batchSize == 0 || i + 1 == posts.size()) {
                        context.throwIfCancelled();
                        context.progress(i + 1, posts.size(), "features of " + (i + 1) + " of " + posts.size() + " posts");
                    }
                }
            }
            return posts.size() + " posts" + (incremental ? " (incremental)" : "") + ", " + hashtagTotal
                    + " hashtags";
        });
        summary(context, summary);
    }

    static double quality(boolean hasMedia, int hashtags, int length) {
        return 0.4 * (hasMedia ? 1 : 0) + 0.3 * Math.min(3, hashtags) / 3.0 + 0.3 * Math.min(1.0, length / 160.0);
    }
}
