package org.jobdeck.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jobdeck.demo.data.Vocabulary;
import org.junit.jupiter.api.Test;

/** build-user-traits, match-scores and compatibility on a 60-user dataset. */
class MatchingJobsTest extends DemoJobTest {
    @Test
    void traitsAreTheMeanOfEachTraitsAnswersMappedToMinusOneToOne() throws Exception {
        RecordingContext run = fixture.run("build-user-traits");

        long answering = fixture.count("SELECT COUNT(DISTINCT user_id) FROM demo.quiz_answers");
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.user_traits")).isEqualTo(answering);
        assertThat(run.summary()).startsWith("build-user-traits: " + answering + " users, 5 traits each");
        assertThat(run.progress).last().satisfies(p -> assertThat(p.done()).isEqualTo(p.total()));

        long user = fixture.count("SELECT MIN(user_id) FROM demo.quiz_answers");
        Map<String, double[]> sums = new HashMap<>();
        for (Object[] row : fixture.rows("SELECT q.trait, q.reversed, a.answer FROM demo.quiz_answers a"
                + " JOIN demo.quiz_questions q ON q.id = a.question_id WHERE a.user_id = ?", user)) {
            double value = (((Number) row[2]).intValue() - 3) / 2.0 * ((Boolean) row[1] ? -1 : 1);
            double[] sum = sums.computeIfAbsent((String) row[0], t -> new double[2]);
            sum[0] += value;
            sum[1]++;
        }
        Object[] stored = fixture.rows("SELECT " + String.join(", ", Vocabulary.TRAITS)
                + " FROM demo.user_traits WHERE user_id = ?", user).get(0);
        for (int t = 0; t < Vocabulary.TRAITS.size(); t++) {
            double[] sum = sums.get(Vocabulary.TRAITS.get(t));
            assertThat((Double) stored[t]).isCloseTo(sum[0] / sum[1], within(1e-9)).isBetween(-1.0, 1.0);
        }
    }

    @Test
    void incrementalTraitsOnlyBuildUsersWithoutTraits() throws Exception {
        fixture.run("build-user-traits");
        long user = fixture.count("SELECT MIN(user_id) FROM demo.user_traits");
        fixture.update("DELETE FROM demo.user_traits WHERE user_id = ?", user);

        RecordingContext run = fixture.run("build-user-traits", Map.of("incremental", true));

        assertThat(run.summary()).startsWith("build-user-traits: 1 users, 5 traits each (incremental)");
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.user_traits WHERE user_id = ?", user)).isOne();
    }

    @Test
    void matchScoresAreInRangeSymmetricAndAtMostTopKPerUser() throws Exception {
        fixture.run("build-user-traits");

        RecordingContext run = fixture.run("match-scores", Map.of("topK", 5));

        long users = fixture.count("SELECT COUNT(*) FROM demo.user_traits");
        assertThat(run.summary()).isEqualTo("match-scores: " + users + " users, " + users * 5 + " scores, top 5 each");
        assertThat(fixture.count("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM demo.match_scores GROUP BY user_id) c"))
                .isEqualTo(5);
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.match_scores WHERE score < 0 OR score > 1"
                + " OR user_id = other_id")).isZero();
        List<Object[]> pairs = fixture.rows("SELECT a.score, b.score FROM demo.match_scores a"
                + " JOIN demo.match_scores b ON b.user_id = a.other_id AND b.other_id = a.user_id");
        assertThat(pairs).isNotEmpty().allSatisfy(pair -> assertThat(pair[0]).isEqualTo(pair[1]));
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.match_scores a JOIN demo.match_scores b"
                + " ON b.user_id = a.user_id AND b.rank_no = a.rank_no + 1 WHERE b.score > a.score")).isZero();
    }

    @Test
    void matchScoresForOneUserReplaceOnlyThatUsersRows() throws Exception {
        fixture.run("build-user-traits");
        fixture.run("match-scores", Map.of("topK", 3));
        long user = fixture.count("SELECT MIN(user_id) FROM demo.user_traits");
        long others = fixture.count("SELECT COUNT(*) FROM demo.match_scores WHERE user_id <> ?", user);

        RecordingContext run = fixture.run("match-scores", Map.of("topK", 7, "userId", user));

        assertThat(run.summary()).startsWith("match-scores: 1 users, 7 scores");
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.match_scores WHERE user_id = ?", user)).isEqualTo(7);
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.match_scores WHERE user_id <> ?", user)).isEqualTo(others);
    }

    @Test
    void compatibilityCombinesTraitsInterestsAndPreferencesSymmetrically() throws Exception {
        fixture.run("build-user-traits");

        RecordingContext run = fixture.run("compatibility", Map.of("topK", 10));

        assertThat(run.summary()).contains(" scores, top 10 each");
        List<Object[]> rows = fixture.rows("SELECT score, traits_score, interests_score, preferences_score"
                + " FROM demo.compatibility_scores");
        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            for (Object part : row) {
                assertThat((Double) part).isBetween(0.0, 1.0);
            }
            assertThat((Double) row[0]).isCloseTo(0.5 * (Double) row[1] + 0.3 * (Double) row[2] + 0.2 * (Double) row[3],
                    within(1e-9));
        });
        assertThat(fixture.count("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM demo.compatibility_scores"
                + " GROUP BY user_id) c")).isEqualTo(10);
        assertThat(fixture.rows("SELECT a.score, b.score FROM demo.compatibility_scores a JOIN demo.compatibility_scores b"
                + " ON b.user_id = a.other_id AND b.other_id = a.user_id"))
                .allSatisfy(pair -> assertThat(pair[0]).isEqualTo(pair[1]));
        assertThat(fixture.rows("SELECT DISTINCT preferences_score FROM demo.compatibility_scores"))
                .allSatisfy(row -> assertThat(((Double) row[0]) * 4).isCloseTo(Math.rint(((Double) row[0]) * 4), within(1e-9)));
    }
}
