package org.jobdeck.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** stats-reconcile, media-orphan-cleanup and feed-presort-cleanup. */
class MaintenanceJobsTest extends DemoJobTest {
    static final String DRIFTED = "SELECT"
            + " (SELECT COUNT(*) FROM demo.users u WHERE u.post_count <> (SELECT COUNT(*) FROM demo.posts p WHERE p.user_id = u.id))"
            + " + (SELECT COUNT(*) FROM demo.users u WHERE u.follower_count <> (SELECT COUNT(*) FROM demo.follows f WHERE f.followee_id = u.id))"
            + " + (SELECT COUNT(*) FROM demo.users u WHERE u.following_count <> (SELECT COUNT(*) FROM demo.follows f WHERE f.follower_id = u.id))"
            + " + (SELECT COUNT(*) FROM demo.posts p WHERE p.like_count <> (SELECT COUNT(*) FROM demo.likes l WHERE l.post_id = p.id))";
    static final String ORPHANS = "SELECT m.id, m.file_name FROM demo.media m"
            + " WHERE NOT EXISTS (SELECT 1 FROM demo.posts p WHERE p.media_id = m.id) ORDER BY m.id";

    @Test
    void statsReconcileFixesExactlyTheDriftedCountersToAFreshRecount() throws Exception {
        long drifted = fixture.count(DRIFTED);
        assertThat(drifted).isEqualTo(fixture.info.driftedCounters()).isPositive();

        RecordingContext dryRun = fixture.run("stats-reconcile", Map.of("dryRun", true));
        assertThat(dryRun.summary()).startsWith("stats-reconcile: dry run, would fix " + drifted + " drifted counters");
        assertThat(fixture.count(DRIFTED)).isEqualTo(drifted);

        RecordingContext run = fixture.run("stats-reconcile", Map.of("batchSize", 3));

        assertThat(run.summary()).startsWith("stats-reconcile: fixed " + drifted + " drifted counters (");
        assertThat(fixture.count(DRIFTED)).isZero();
        assertThat(run.progress).last().satisfies(p -> assertThat(p.done()).isEqualTo(drifted));
        assertThat(fixture.run("stats-reconcile").summary()).startsWith("stats-reconcile: fixed 0 drifted counters");
    }

    @Test
    void orphanCleanupDeletesExactlyTheOrphansFilesAndRows() throws Exception {
        List<Object[]> orphans = fixture.rows(ORPHANS);
        assertThat(orphans).hasSize(fixture.info.orphanedMedia());
        long media = fixture.info.media();

        RecordingContext dryRun = fixture.run("media-orphan-cleanup", Map.of("dryRun", true));
        assertThat(dryRun.summary()).startsWith("media-orphan-cleanup: dry run, would delete " + orphans.size());
        assertThat(fixture.rows(ORPHANS)).hasSize(orphans.size());

        RecordingContext run = fixture.run("media-orphan-cleanup");

        assertThat(run.summary()).startsWith("media-orphan-cleanup: deleted " + orphans.size() + " orphaned media of "
                + media + " (" + orphans.size() + " rows, " + orphans.size() + " files)");
        assertThat(fixture.rows(ORPHANS)).isEmpty();
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.media")).isEqualTo(media - orphans.size());
        for (Object[] orphan : orphans) {
            assertThat(fixture.info.mediaDirectory().resolve((String) orphan[1])).doesNotExist();
        }
        for (Object[] kept : fixture.rows("SELECT file_name FROM demo.media")) {
            assertThat(fixture.info.mediaDirectory().resolve((String) kept[0])).exists();
        }
        try (var files = Files.list(fixture.info.mediaDirectory())) {
            assertThat(files.count()).isEqualTo(media - orphans.size());
        }
    }

    @Test
    void presortCleanupDeletesOnlySegmentsOlderThanTheCutoff() throws Exception {
        long now = DemoFixture.CLOCK.millis();
        long stale = fixture.count("SELECT COUNT(*) FROM demo.feed_segments");
        assertThat(stale).isPositive();
        fixture.update("INSERT INTO demo.feed_segments (user_id, segment_no, post_ids, post_count, top_score, min_score,"
                + " created_at) VALUES (1, 7, '1,2', 2, 1.0, 0.5, ?)", now - 3 * 86_400_000L);

        RecordingContext run = fixture.run("feed-presort-cleanup");

        assertThat(run.summary()).startsWith("feed-presort-cleanup: deleted " + stale + " presorted rows of ");
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.feed_segments")).isOne();
        assertThat(fixture.run("feed-presort-cleanup", Map.of("olderThanDays", 2)).summary())
                .startsWith("feed-presort-cleanup: deleted 1 presorted rows of 1 users");
    }
}
