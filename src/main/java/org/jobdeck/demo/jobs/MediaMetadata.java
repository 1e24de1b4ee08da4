package org.jobdeck.demo.jobs;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.jobdeck.demo.DatasetInfo;
import org.jobdeck.demo.DemoDataset;
import org.jobdeck.demo.sql.Jdbc;
import org.jobdeck.queue.handler.JobContext;
import org.jobdeck.queue.handler.PermanentJobFailure;

/**
 * media-metadata: reads one media file (param mediaId) and records its width, height, format
 * and size. A file that is not a valid image is recorded with its reason and fails the run
 * (permanently: another attempt reads the same bytes).
 */
public final class MediaMetadata extends DemoJob {
    public MediaMetadata(DemoDataset dataset) {
        super(dataset);
    }

    @Override
    public String name() {
        return "media-metadata";
    }

    @Override
    protected void execute(JobContext context, DatasetInfo info) throws Exception {
        long mediaId = context.longParam("mediaId", -1);
        if (mediaId < 0) {
            throw new PermanentJobFailure("mediaId must be a media id, got " + context.params().get("mediaId"));
        }
        context.progress(0, 1, "reading media " + mediaId);
        String fileName = Jdbc.transaction(db(), connection -> fileName(connection, mediaId));
        if (fileName == null) {
            throw new PermanentJobFailure("No media " + mediaId + " in the demo dataset");
        }
        ImageProbe.Result result = ImageProbe.probe(info.mediaDirectory().resolve(fileName));
        Jdbc.transaction(db(), connection -> {
            record(connection, mediaId, result, now());
            return null;
        });
        context.progress(1, 1, result.ok() ? "read media " + mediaId : "media " + mediaId + " is invalid");
        if (!result.ok()) {
            throw new PermanentJobFailure("media " + mediaId + " (" + fileName + "): " + result.error());
        }
        summary(context, "media " + mediaId + " (" + fileName + ") is a " + result.width() + "x" + result.height()
                + " " + result.format() + " of " + result.bytes() + " bytes");
    }

    static String fileName(Connection connection, long mediaId) throws SQLException {
        String[] name = new String[1];
        Jdbc.forEach(connection, "SELECT file_name FROM demo.media WHERE id = ?", row -> name[0] = row.getString(1), mediaId);
        return name[0];
    }

    /** Replaces the media's metadata row with what the probe found. */
    static void record(Connection connection, long mediaId, ImageProbe.Result result, long at) throws SQLException {
        Jdbc.update(connection, "DELETE FROM demo.media_metadata WHERE media_id = ?", mediaId);
        Jdbc.update(connection, "INSERT INTO demo.media_metadata (media_id, width, height, image_format, byte_size,"
                        + " error_message, extracted_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                mediaId, result.width(), result.height(), result.format(), result.bytes(),
                result.error() == null ? null : truncate(result.error(), 500), at);
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static Path file(DatasetInfo info, String fileName) {
        return info.mediaDirectory().resolve(fileName);
    }
}
