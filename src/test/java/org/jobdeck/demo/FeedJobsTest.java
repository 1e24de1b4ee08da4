package org.jobdeck.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** content-features, trending, affinity and feed-presort on a 60-user dataset. */
class FeedJobsTest extends DemoJobTest {
    static final long HOUR = 3_600_000L;
    static final long AS_OF = DemoFixture.AS_OF.toEpochMilli();

    private void post(long id, long user, int topic, String body, long createdAt) throws Exception {
        fixture.update("INSERT INTO demo.posts (id, user_id, topic_id, body, media_id, created_at, like_count)"
                + " VALUES (?, ?, ?, ?, NULL, ?, 0)", id, user, topic, body, createdAt);
    }

    private void like(long user, long post, long at) throws Exception {
        fixture.update("INSERT INTO demo.likes (user_id, post_id, created_at) VALUES (?, ?, ?)", user, post, at);
    }

    @Test
    void contentFeaturesExtractTheHashtagsTokensLengthAndMediaOfAPost() throws Exception {
        String body = "Sunrise hike with Ana #Hiking and #coffee_time! Again #hiking";
        post(900_001, 1, 1, body, AS_OF - HOUR);

        RecordingContext run = fixture.run("content-features");

        assertThat(run.summary()).startsWith("content-features: 601 posts, ");
        Object[] features = fixture.rows("SELECT hashtags, hashtag_count, token_count, char_length, has_media"
                + " FROM demo.post_features WHERE post_id = 900001").get(0);
        assertThat(features).containsExactly("hiking coffee_time", 2, 6, body.length(), false);
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.post_features f JOIN demo.posts p ON p.id = f.post_id"
                + " WHERE f.has_media <> (p.media_id IS NOT NULL)")).isZero();
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.post_features WHERE quality < 0 OR quality > 1")).isZero();
    }

    @Test
    void incrementalContentFeaturesOnlyReadNewPosts() throws Exception {
        fixture.run("content-features");
        post(900_002, 1, 1, "Fresh #news", AS_OF - HOUR);

        RecordingContext run = fixture.run("content-features", Map.of("incremental", true));

        assertThat(run.summary()).isEqualTo("content-features: 1 posts (incremental), 1 hashtags");
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.post_features")).isEqualTo(601);
    }

    @Test
    void trendingRanksANewerLikedPostAboveAnOldOneWithTheSameLikes() throws Exception {
        post(900_010, 1, 1, "Old news #hiking", AS_OF - 5 * 24 * HOUR);
        post(900_011, 1, 1, "New news #hiking", AS_OF - 2 * HOUR);
        for (long user = 2; user <= 4; user++) {
            like(user, 900_010, AS_OF - 5 * 24 * HOUR + HOUR);
            like(user, 900_011, AS_OF - HOUR);
        }
        fixture.run("content-features");

        RecordingContext run = fixture.run("trending");

        List<Object[]> ranked = fixture.rows("SELECT post_id, rank_no, score, window_likes FROM demo.trending_scores"
                + " WHERE post_id IN (900010, 900011) ORDER BY rank_no");
        assertThat(ranked).extracting(row -> ((Number) row[0]).longValue()).containsExactly(900_011L, 900_010L);
        assertThat(ranked).extracting(row -> row[3]).containsExactly(3, 3);
        assertThat((Double) ranked.get(0)[2]).isGreaterThan((Double) ranked.get(1)[2]);
        assertThat(run.summary()).startsWith("trending: ").contains("in the last 7 days, half-life 24.0 h");
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.trending_scores t JOIN demo.posts p ON p.id = t.post_id"
                + " WHERE p.created_at < ?", AS_OF - 7 * 24 * HOUR)).isZero();
    }

    @Test
    void affinityWeighsLikedTopicsAndScalesTheStrongestToOne() throws Exception {
        fixture.update("INSERT INTO demo.users (id, name, bio, age, age_bucket, region, gender, pref_age_min,"
                + " pref_age_max, pref_region, created_at, post_count, follower_count, following_count)"
                + " VALUES (900, 'New User', 'new', 30, '25-34', 'north', 'female', 25, 35, NULL, 0, 0, 0, 0)");
        for (int i = 0; i < 3; i++) {
            post(900_020 + i, 1, 7, "on topic seven #x", AS_OF - HOUR);
            like(900, 900_020 + i, AS_OF - HOUR);
        }
        post(900_030, 1, 8, "on topic eight #y", AS_OF - HOUR);
        like(900, 900_030, AS_OF - HOUR);

        RecordingContext run = fixture.run("affinity");

        assertThat(fixture.rows("SELECT interest_id, score, liked_posts, followed_posts FROM demo.user_topic_affinity"
                + " WHERE user_id = 900 ORDER BY interest_id"))
                .satisfiesExactly(
                        seven -> assertThat(seven).containsExactly(7, 1.0, 3, 0),
                        eight -> {
                            assertThat(eight[0]).isEqualTo(8);
                            assertThat((Double) eight[1]).isCloseTo(1.0 / 3, within(1e-9));
                        });
        assertThat(fixture.count("SELECT COUNT(*) FROM (SELECT user_id FROM demo.user_topic_affinity GROUP BY user_id"
                + " HAVING MAX(score) <> 1 OR COUNT(*) > 10) bad")).isZero();
        assertThat(run.summary()).startsWith("affinity: 61 users, ");
    }

    private void feedInputs() throws Exception {
        fixture.run("build-user-traits");
        fixture.run("match-scores");
        fixture.run("affinity");
        fixture.run("content-features");
    }

    @Test
    void feedPresortWritesRankedSegmentsWithoutTheUsersOwnPosts() throws Exception {
        feedInputs();

        RecordingContext run = fixture.run("feed-presort", Map.of("segmentSize", 5, "maxSegments", 2));

        assertThat(run.summary()).isEqualTo("feed-presort: 60 users, 120 segments of up to 5 posts (600 posts)");
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.feed_segments")).isEqualTo(120);
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.feed_segments WHERE created_at <> ?",
                DemoFixture.CLOCK.millis())).as("the dataset's stale segments are replaced").isZero();
        for (Object[] row : fixture.rows("SELECT user_id, segment_no, post_ids, post_count, top_score, min_score"
                + " FROM demo.feed_segments ORDER BY user_id, segment_no")) {
            long[] posts = Arrays.stream(((String) row[2]).split(",")).mapToLong(Long::parseLong).toArray();
            assertThat(posts).hasSize(5).doesNotHaveDuplicates();
            assertThat(row[3]).isEqualTo(5);
            assertThat((Double) row[4]).isGreaterThanOrEqualTo((Double) row[5]);
            for (long post : posts) {
                assertThat(fixture.count("SELECT user_id FROM demo.posts WHERE id = ?", post))
                        .as("post %d exists and is not by user %s", post, row[0])
                        .isPositive().isNotEqualTo(((Number) row[0]).longValue());
            }
        }
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.feed_segments a JOIN demo.feed_segments b"
                + " ON b.user_id = a.user_id AND b.segment_no = a.segment_no + 1 WHERE b.top_score > a.min_score")).isZero();
    }

    @Test
    void incrementalFeedPresortOnlySortsUsersWithoutSegments() throws Exception {
        feedInputs();
        fixture.run("feed-presort");
        fixture.update("DELETE FROM demo.feed_segments WHERE user_id IN (3, 4)");

        RecordingContext run = fixture.run("feed-presort", Map.of("incremental", true));

        assertThat(run.summary()).startsWith("feed-presort: 2 users without segments, 6 segments");
        assertThat(fixture.count("SELECT COUNT(DISTINCT user_id) FROM demo.feed_segments")).isEqualTo(60);
    }
}
