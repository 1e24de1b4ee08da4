package org.jobdeck.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** profile-search-index, user-interest-sets, searchable-user and interest-relationships. */
class SearchJobsTest extends DemoJobTest {
    @Test
    void theProfileIndexMapsEachProfileTokenToItsUsers() throws Exception {
        fixture.run("build-user-traits");

        RecordingContext run = fixture.run("profile-search-index");

        assertThat(run.summary()).startsWith("profile-search-index: 60 profiles, ");
        Object[] user = fixture.rows("SELECT id, region, name FROM demo.users WHERE id = 1").get(0);
        String lastName = ((String) user[2]).split(" ")[1].toLowerCase();
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.profile_index WHERE token = ? AND user_id = 1", user[1]))
                .isOne();
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.profile_index WHERE token = ? AND user_id = 1", lastName))
                .isOne();
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.profile_index WHERE token = ?", user[1]))
                .isEqualTo(fixture.count("SELECT COUNT(*) FROM demo.users WHERE region = ?", user[1]));
        for (Object[] interest : fixture.rows("SELECT i.name FROM demo.user_interests ui"
                + " JOIN demo.interests i ON i.id = ui.interest_id WHERE ui.user_id = 1")) {
            assertThat(fixture.count("SELECT COUNT(*) FROM demo.profile_index WHERE token = ? AND user_id = 1", interest[0]))
                    .isOne();
        }
        assertThat(fixture.count("SELECT COUNT(DISTINCT user_id) FROM demo.profile_index WHERE token LIKE '%-high'"
                + " OR token LIKE '%-low'")).isEqualTo(fixture.count("SELECT COUNT(*) FROM demo.user_traits"));
    }

    @Test
    void interestSetsListEachUsersInterests() throws Exception {
        RecordingContext run = fixture.run("user-interest-sets");

        assertThat(run.summary()).startsWith("user-interest-sets: 60 users, "
                + fixture.count("SELECT COUNT(*) FROM demo.user_interests") + " interests");
        for (Object[] row : fixture.rows("SELECT user_id, interest_count, interest_ids FROM demo.user_interest_sets")) {
            List<Object[]> expected = fixture.rows("SELECT interest_id FROM demo.user_interests WHERE user_id = ?"
                    + " ORDER BY interest_id", row[0]);
            assertThat(row[1]).isEqualTo(expected.size());
            assertThat((String) row[2]).isEqualTo(String.join(",", expected.stream().map(e -> e[0].toString()).toList()));
        }
        RecordingContext one = fixture.run("user-interest-sets", Map.of("userId", 5));
        assertThat(one.summary()).startsWith("user-interest-sets: 1 users (user 5 only)");
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.user_interest_sets")).isEqualTo(60);
    }

    @Test
    void searchableUsersAreOneSnapshotPerUserWithTrueCounts() throws Exception {
        fixture.run("build-user-traits");

        RecordingContext run = fixture.run("searchable-user");

        assertThat(run.summary()).startsWith("searchable-user: 60 user snapshots");
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.searchable_users s WHERE s.post_count <>"
                + " (SELECT COUNT(*) FROM demo.posts p WHERE p.user_id = s.user_id)")).isZero();
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.searchable_users s WHERE s.follower_count <>"
                + " (SELECT COUNT(*) FROM demo.follows f WHERE f.followee_id = s.user_id)")).isZero();
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.searchable_users WHERE top_trait IS NOT NULL"))
                .isEqualTo(fixture.count("SELECT COUNT(*) FROM demo.user_traits"));
        String text = (String) fixture.rows("SELECT search_text FROM demo.searchable_users WHERE user_id = 1").get(0)[0];
        String region = (String) fixture.rows("SELECT region FROM demo.users WHERE id = 1").get(0)[0];
        assertThat(text).contains(region);
    }

    @Test
    void interestRelationshipsAreJaccardOfCoOccurringInterestsStoredBothWays() throws Exception {
        RecordingContext run = fixture.run("interest-relationships", Map.of("minCooccurrence", 2));

        assertThat(run.summary()).startsWith("interest-relationships: ").contains("co-occurring at least 2 times");
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.interest_relationships WHERE cooccurrence < 2")).isZero();
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.interest_relationships r WHERE NOT EXISTS (SELECT 1"
                + " FROM demo.interest_relationships b WHERE b.interest_id = r.related_id AND b.related_id = r.interest_id)"))
                .isZero();
        Object[] pair = fixture.rows("SELECT interest_id, related_id, cooccurrence, jaccard FROM demo.interest_relationships"
                + " ORDER BY cooccurrence DESC, interest_id, related_id").get(0);
        long a = fixture.count("SELECT COUNT(*) FROM demo.user_interests WHERE interest_id = ?", pair[0]);
        long b = fixture.count("SELECT COUNT(*) FROM demo.user_interests WHERE interest_id = ?", pair[1]);
        long both = fixture.count("SELECT COUNT(*) FROM demo.user_interests x JOIN demo.user_interests y"
                + " ON y.user_id = x.user_id WHERE x.interest_id = ? AND y.interest_id = ?", pair[0], pair[1]);
        assertThat(pair[2]).isEqualTo((int) both);
        assertThat((Double) pair[3]).isCloseTo((double) both / (a + b - both), within(1e-9));
    }
}
