package org.jobdeck.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuizAnswerStatsTest {
    @TempDir
    Path dir;

    @Test
    void answerSharesPerDemographicBucketSumToOneAndSmallBucketsAreLeftOut() throws Exception {
        try (DemoFixture fixture = DemoFixture.open(dir)) {
            RecordingContext run = fixture.run("quiz-answer-stats");

            assertThat(run.summary()).startsWith("quiz-answer-stats: 20 questions, ");
            assertThat(fixture.count("SELECT COUNT(DISTINCT demographic) FROM demo.quiz_answer_stats")).isEqualTo(3);
            assertThat(fixture.count("SELECT COUNT(*) FROM demo.quiz_answer_stats WHERE respondents < 5")).isZero();
            assertThat(fixture.rows("SELECT SUM(share), SUM(answer_count), MIN(respondents) FROM demo.quiz_answer_stats"
                    + " GROUP BY demographic, bucket, question_id")).allSatisfy(row -> {
                        assertThat(((Number) row[0]).doubleValue()).isCloseTo(1.0, within(1e-9));
                        assertThat(((Number) row[1]).longValue()).isEqualTo(((Number) row[2]).longValue());
                    });
            Object[] female = fixture.rows("SELECT respondents FROM demo.quiz_answer_stats WHERE demographic = 'gender'"
                    + " AND bucket = 'female' AND question_id = 1 AND answer = 1").get(0);
            assertThat(((Number) female[0]).longValue()).isEqualTo(fixture.count("SELECT COUNT(*) FROM demo.quiz_answers a"
                    + " JOIN demo.users u ON u.id = a.user_id WHERE u.gender = 'female' AND a.question_id = 1"));

            RecordingContext strict = fixture.run("quiz-answer-stats", Map.of("minBucketSize", 1000));
            assertThat(strict.summary()).contains(", 0 buckets over 3 demographics, 0 rows, ");
            assertThat(fixture.count("SELECT COUNT(*) FROM demo.quiz_answer_stats")).isZero();
        }
    }
}
