package org.jobdeck.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jobdeck.queue.TestDatabases;
import org.jobdeck.queue.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDatasetTest {
    @TempDir
    Path dir;

    @Test
    void aSmallDatasetHasTheRequestedSizesAndWhatTheMaintenanceJobsNeed() throws Exception {
        try (DemoFixture fixture = DemoFixture.open(dir)) {
            DatasetInfo info = fixture.info;
            assertThat(info.users()).isEqualTo(60);
            assertThat(info.posts()).isEqualTo(600);
            assertThat(info.media()).isEqualTo(15);
            assertThat(info.orphanedMedia()).isPositive();
            assertThat(info.corruptMedia()).isEqualTo(2);
            assertThat(info.driftedCounters()).isPositive();
            assertThat(info.likes()).isPositive();
            assertThat(info.follows()).isPositive();
            assertThat(fixture.count("SELECT COUNT(*) FROM demo.media m WHERE NOT EXISTS"
                    + " (SELECT 1 FROM demo.posts p WHERE p.media_id = m.id)")).isEqualTo(info.orphanedMedia());
            assertThat(fixture.count("SELECT COUNT(*) FROM demo.posts WHERE body LIKE '%#%'")).isEqualTo(600);
            assertThat(fixture.count("SELECT COUNT(*) FROM demo.quiz_answers")).isPositive();
            assertThat(fixture.count("SELECT COUNT(DISTINCT age_bucket) FROM demo.users")).isGreaterThan(1);
            assertThat(fixture.count("SELECT COUNT(*) FROM demo.feed_segments")).isPositive();
        }
    }

    @Test
    void mediaFilesAreRealPngsExceptTheCorruptOnes() throws Exception {
        try (DemoFixture fixture = DemoFixture.open(dir)) {
            int images = 0;
            int unreadable = 0;
            for (Object[] row : fixture.rows("SELECT file_name FROM demo.media ORDER BY id")) {
                Path file = fixture.info.mediaDirectory().resolve((String) row[0]);
                assertThat(file).exists();
                BufferedImage image;
                try {
                    image = ImageIO.read(file.toFile());
                } catch (IOException e) {
                    image = null;
                }
                if (image == null) {
                    unreadable++;
                } else {
                    images++;
                    assertThat(image.getWidth()).isBetween(16, 96);
                }
            }
            assertThat(images).isEqualTo(13);
            assertThat(unreadable).isEqualTo(2);
            assertThat(fixture.info.mediaDirectory()).startsWith(dir);
        }
    }

    @Test
    void theSameSpecGivesTheSameDatasetAndAnotherSeedDoesNot() throws Exception {
        Map<String, String> first;
        Map<String, String> second;
        Map<String, String> otherSeed;
        try (DemoFixture fixture = DemoFixture.open(TestDatabases.h2(), dir.resolve("a"), DemoFixture.spec(60))) {
            first = DatasetChecksum.of(fixture);
        }
        try (DemoFixture fixture = DemoFixture.open(TestDatabases.h2(), dir.resolve("b"), DemoFixture.spec(60))) {
            second = DatasetChecksum.of(fixture);
        }
        try (DemoFixture fixture = DemoFixture.open(TestDatabases.h2(), dir.resolve("c"),
                DemoFixture.spec(60).withSeed(7))) {
            otherSeed = DatasetChecksum.of(fixture);
        }
        assertThat(second).isEqualTo(first);
        assertThat(otherSeed.get("posts")).isNotEqualTo(first.get("posts"));
        assertThat(otherSeed.get("files")).isNotEqualTo(first.get("files"));
    }

    @Test
    void handlersStartingAtOnceCreateTheDatasetOnce() throws Exception {
        try (Database database = Database.open(TestDatabases.h2(), 8)) {
            DemoDataset dataset = DemoDataset.at(database, dir).withClock(DemoFixture.CLOCK)
                    .withFirstUseSpec(DemoFixture.spec(20));
            assertThat(dataset.exists()).isFalse();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Callable<DatasetInfo>> calls = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    calls.add(dataset::ensure);
                }
                List<DatasetInfo> infos = new ArrayList<>();
                for (Future<DatasetInfo> future : pool.invokeAll(calls)) {
                    infos.add(future.get());
                }
                assertThat(infos).extracting(DatasetInfo::mediaDirectory).containsOnly(infos.get(0).mediaDirectory());
            } finally {
                pool.shutdownNow();
            }
            assertThat(dataset.info().orElseThrow().users()).isEqualTo(20);
            try (Stream<Path> dirs = Files.list(dir.resolve("demo-media"))) {
                assertThat(dirs.count()).as("one media directory").isEqualTo(1);
            }
        }
    }

    @Test
    void generateRefusesToOverwriteAndResetReplacesDatasetOutputsAndFiles() throws Exception {
        try (DemoFixture fixture = DemoFixture.open(dir)) {
            fixture.run("build-user-traits");
            Path oldMedia = fixture.info.mediaDirectory();

            assertThatThrownBy(() -> fixture.dataset.generate(DemoFixture.spec(30)))
                    .isInstanceOf(DemoDataException.class)
                    .hasMessageContaining("already exists");

            DatasetInfo fresh = fixture.dataset.reset(DemoFixture.spec(30));

            assertThat(fresh.users()).isEqualTo(30);
            assertThat(fresh.posts()).isEqualTo(300);
            assertThat(fixture.count("SELECT COUNT(*) FROM demo.user_traits")).isZero();
            assertThat(oldMedia).doesNotExist();
            assertThat(fresh.mediaDirectory()).isDirectory();
        }
    }

    @Test
    void sizesBelowTheMinimumAreRefusedWithOneLine() {
        assertThatThrownBy(() -> DemoFixture.spec(3))
                .isInstanceOf(DemoDataException.class)
                .hasMessage("A demo dataset needs at least 10 users, got 3");
    }
}
