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
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.jobdeck.queue.handler.PermanentJobFailure;
import org.junit.jupiter.api.Test;

/** media-metadata and media-metadata-batch over the dataset's real image files. */
class MediaJobsTest extends DemoJobTest {
    private Path file(long mediaId) throws Exception {
        return fixture.info.mediaDirectory().resolve(
                (String) fixture.rows("SELECT file_name FROM demo.media WHERE id = ?", mediaId).get(0)[0]);
    }

    /** Media ids whose file ImageIO cannot read, found independently of the handlers. */
    private List<Long> corruptIds() throws Exception {
        List<Long> corrupt = new ArrayList<>();
        for (Object[] row : fixture.rows("SELECT id FROM demo.media ORDER BY id")) {
            long id = ((Number) row[0]).longValue();
            BufferedImage image;
            try {
                image = ImageIO.read(file(id).toFile());
            } catch (IOException e) {
                image = null;
            }
            if (image == null) {
                corrupt.add(id);
            }
        }
        return corrupt;
    }

    @Test
    void mediaMetadataReadsTheRealSizeAndFormatOfAPng() throws Exception {
        BufferedImage expected = ImageIO.read(file(1).toFile());

        RecordingContext run = fixture.run("media-metadata", Map.of("mediaId", 1));

        Object[] row = fixture.rows("SELECT width, height, image_format, byte_size, error_message"
                + " FROM demo.media_metadata WHERE media_id = 1").get(0);
        assertThat(row).containsExactly(expected.getWidth(), expected.getHeight(), "png", Files.size(file(1)), null);
        assertThat(run.summary()).isEqualTo("media-metadata: media 1 (media-000001.png) is a " + expected.getWidth()
                + "x" + expected.getHeight() + " png of " + Files.size(file(1)) + " bytes");
    }

    @Test
    void aCorruptFileFailsWithItsReasonAndTheReasonIsRecorded() throws Exception {
        List<Long> corrupt = corruptIds();
        assertThat(corrupt).hasSize(2);
        for (long id : corrupt) {
            assertThatThrownBy(() -> fixture.run("media-metadata", Map.of("mediaId", id)))
                    .isInstanceOf(PermanentJobFailure.class)
                    .hasMessageStartingWith("media " + id + " (" + file(id).getFileName() + "): ")
                    .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("not an image", "corrupt png"));
            assertThat(fixture.rows("SELECT error_message, width FROM demo.media_metadata WHERE media_id = ?", id))
                    .singleElement().satisfies(r -> {
                        assertThat((String) r[0]).isNotBlank();
                        assertThat(r[1]).isNull();
                    });
        }
    }

    @Test
    void theBatchRecordsPerFileErrorsWithoutFailingAndSkipsUnreferencedMedia() throws Exception {
        long referenced = fixture.count("SELECT COUNT(*) FROM demo.media m"
                + " WHERE EXISTS (SELECT 1 FROM demo.posts p WHERE p.media_id = m.id)");
        long vanished = fixture.count("SELECT MAX(media_id) FROM demo.posts");
        List<Long> corrupt = corruptIds();
        Files.delete(file(vanished));

        RecordingContext run = fixture.run("media-metadata-batch", Map.of("batchSize", 4));

        long errors = corrupt.contains(vanished) ? 2 : 3;
        assertThat(run.summary()).startsWith("media-metadata-batch: " + (referenced - errors)
                + " media files read (only missing), " + errors + " errors (media ");
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.media_metadata")).isEqualTo(referenced);
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.media_metadata WHERE error_message IS NOT NULL")).isEqualTo(errors);
        assertThat((String) fixture.rows("SELECT error_message FROM demo.media_metadata WHERE media_id = ?", vanished)
                .get(0)[0]).startsWith("file is missing");
        assertThat(fixture.count("SELECT COUNT(*) FROM demo.media_metadata d WHERE NOT EXISTS"
                + " (SELECT 1 FROM demo.posts p WHERE p.media_id = d.media_id)")).isZero();
        assertThat(run.progress).last().satisfies(p -> assertThat(p.done()).isEqualTo(referenced));

        assertThat(fixture.run("media-metadata-batch").summary())
                .startsWith("media-metadata-batch: 0 media files read (only missing), 0 errors");
    }

    @Test
    void theBatchAndTheOrphanCleanupRunInParallelWithoutFailing() throws Exception {
        fixture.run("media-metadata-batch");
        CompletableFuture<RecordingContext> batch = CompletableFuture.supplyAsync(() -> run("media-metadata-batch",
                Map.of("onlyMissing", false, "batchSize", 1)));
        CompletableFuture<RecordingContext> cleanup = CompletableFuture.supplyAsync(() -> run("media-orphan-cleanup",
                Map.of()));

        assertThat(batch.get().summary()).contains(" 2 errors");
        assertThat(cleanup.get().summary()).startsWith("media-orphan-cleanup: deleted " + fixture.info.orphanedMedia());
    }

    private RecordingContext run(String job, Map<String, Object> params) {
        try {
            return fixture.run(job, params);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
