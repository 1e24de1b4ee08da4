package org.jobdeck.demo.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jobdeck.demo.DatasetInfo;
import org.jobdeck.demo.DemoDataset;
import org.jobdeck.demo.sql.BatchInsert;
import org.jobdeck.demo.sql.Jdbc;
import org.jobdeck.queue.handler.JobContext;
import org.jobdeck.queue.handler.PermanentJobFailure;

/**
 * trending: a time-decayed engagement score for each post of the last windowDays:
 * {@code (likes in the window + content quality) * 2^(-age / halfLifeHours)}.
 *
 * <p>"Now" is the dataset's latest activity (newest post or like), not the wall clock, so a
 * dataset generated last month still has a trending list. Needs content-features.
 */
public final class Trending extends DemoJob {
    static final long HOUR = 3_600_000L;

    public Trending(DemoDataset dataset) {
        super(dataset);
    }

    @Override
    public String name() {
        return "trending";
    }

    private record Scored(long postId, double score, int windowLikes) {
    }

    @Override
    protected void execute(JobContext context, DatasetInfo info) throws Exception {
        double halfLifeHours = context.doubleParam("halfLifeHours", 24);
        int windowDays = positive(context, "windowDays", 7);
        if (halfLifeHours <= 0) {
            throw new PermanentJobFailure("halfLifeHours must be positive, got " + halfLifeHours);
        }
        String summary = Jdbc.transaction(db(), connection -> {
            require(connection, "demo.post_features", NO_FEATURES);
            long present = Math.max(Jdbc.queryLong(connection, "SELECT MAX(created_at) FROM demo.posts"),
                    Jdbc.queryLong(connection, "SELECT MAX(created_at) FROM demo.likes"));
            long windowStart = present - windowDays * 24 * HOUR;
            context.progress(0, 2, "counting likes since " + Instant.ofEpochMilli(windowStart));
            List<Scored> scored = new ArrayList<>();
            Jdbc.forEach(connection, "SELECT p.id, p.created_at, f.quality, COUNT(l.post_id) FROM demo.posts p"
                    + " JOIN demo.post_features f ON f.post_id = p.id"
                    + " LEFT JOIN demo.likes l ON l.post_id = p.id AND l.created_at >= ?"
                    + " WHERE p.created_at >= ? GROUP BY p.id, p.created_at, f.quality", row -> {
                double ageHours = Math.max(0, present - row.getLong(2)) / (double) HOUR;
                int likes = row.getInt(4);
                double score = (likes + row.getDouble(3)) * Math.pow(2, -ageHours / halfLifeHours);
                scored.add(new Scored(row.getLong(1), score, likes));
            }, windowStart, windowStart);
            context.throwIfCancelled();
            scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingLong(Scored::postId));
            context.progress(1, 2, "ranking " + scored.size() + " posts");
            Jdbc.update(connection, "DELETE FROM demo.trending_scores");
            long computedAt = now();
            try (BatchInsert insert = new BatchInsert(connection, "INSERT INTO demo.trending_scores"
                    + " (post_id, score, window_likes, rank_no, computed_at) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < scored.size(); i++) {
                    Scored post = scored.get(i);
                    insert.add(post.postId(), post.score(), post.windowLikes(), i + 1, computedAt);
                }
            }
            context.progress(2, 2, "ranked " + scored.size() + " posts");
            return scored.size() + " posts in the last " + windowDays + " days, half-life " + halfLifeHours
                    + " h" + (scored.isEmpty() ? "" : ", top post " + scored.get(0).postId()
                    + String.format(Locale.ROOT, " (score %.2f, %d likes)", scored.get(0).score(), scored.get(0).windowLikes()));
        });
        summary(context, summary);
    }
}
