package org.jobdeck.demo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jobdeck.queue.handler.PermanentJobFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job whose input is missing fails at once, naming the job that produces it. */
class MissingInputTest {
    @TempDir
    Path dir;

    private static void assertFails(DemoFixture fixture, String job, Map<String, Object> params, String message) {
        assertThatThrownBy(() -> fixture.run(job, params))
                .isInstanceOf(PermanentJobFailure.class)
                .hasMessage(message);
    }

    @Test
    void jobsThatNeedUserTraitsSaySo() {
        try (DemoFixture fixture = DemoFixture.open(dir)) {
            for (String job : List.of("match-scores", "compatibility", "profile-search-index", "searchable-user")) {
                assertFails(fixture, job, Map.of(), "No user traits yet: run build-user-traits first");
            }
        }
    }

    @Test
    void trendingNeedsContentFeatures() {
        try (DemoFixture fixture = DemoFixture.open(dir)) {
            assertFails(fixture, "trending", Map.of(), "No content features yet: run content-features first");
        }
    }

    @Test
    void feedPresortNamesEachMissingInputInTurn() throws Exception {
        try (DemoFixture fixture = DemoFixture.open(dir)) {
            assertFails(fixture, "feed-presort", Map.of(), "No match scores yet: run match-scores first");
            fixture.run("build-user-traits");
            fixture.run("match-scores");
            assertFails(fixture, "feed-presort", Map.of(), "No affinity profiles yet: run affinity first");
            fixture.run("affinity");
            assertFails(fixture, "feed-presort", Map.of(), "No content features yet: run content-features first");
        }
    }

    @Test
    void unknownUsersAndMediaAreNamed() throws Exception {
        try (DemoFixture fixture = DemoFixture.open(dir)) {
            fixture.run("build-user-traits");
            assertFails(fixture, "match-scores", Map.of("userId", 4242), "No user 4242 in the demo dataset");
            assertFails(fixture, "user-interest-sets", Map.of("userId", 4242), "No user 4242 in the demo dataset");
            assertFails(fixture, "media-metadata", Map.of("mediaId", 4242), "No media 4242 in the demo dataset");
        }
    }

    @Test
    void jobsOnTheDatasetItselfNameTheMissingTable() throws Exception {
        try (DemoFixture fixture = DemoFixture.open(dir)) {
            fixture.update("DELETE FROM demo.quiz_answers");
            assertFails(fixture, "build-user-traits", Map.of(), "No quiz answers in the demo dataset");
            assertFails(fixture, "quiz-answer-stats", Map.of(), "No quiz answers in the demo dataset");
            fixture.update("DELETE FROM demo.user_interests");
            assertFails(fixture, "interest-relationships", Map.of(), "No user interests in the demo dataset");
        }
    }
}
