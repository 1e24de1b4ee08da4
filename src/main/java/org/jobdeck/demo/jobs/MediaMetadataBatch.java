package org.jobdeck.demo.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jobdeck.demo.DatasetInfo;
import org.jobdeck.demo.DemoDataset;
import org.jobdeck.demo.sql.Jdbc;
import org.jobdeck.queue.handler.JobContext;

/**
 * media-metadata-batch: media-metadata for every media file a post still shows (onlyMissing:
 * only those without a metadata row), batchSize files per transaction. One bad file does not
 * fail the run: a corrupt or missing file is recorded with its reason and counted, and a file
 * whose media row was removed meanwhile (media-orphan-cleanup may run in parallel) is skipped.
 */
public final class MediaMetadataBatch extends DemoJob {
    public MediaMetadataBatch(DemoDataset dataset) {
        super(dataset);
    }

    @Override
    public String name() {
        return "media-metadata-batch";
    }

    private record Media(long id, String fileName) {
    }

    @Override
    protected void execute(JobContext context, DatasetInfo info) throws Exception {
        int batchSize = positive(context, "batchSize", 100);
        boolean onlyMissing = context.booleanParam("onlyMissing", true);
        List<Media> media = Jdbc.transaction(db(), connection -> {
            List<Media> found = new ArrayList<>();
            Jdbc.forEach(connection, "SELECT m.id, m.file_name FROM demo.media m"
                    + " WHERE EXISTS (SELECT 1 FROM demo.posts p WHERE p.media_id = m.id)"
                    + (onlyMissing ? " AND NOT EXISTS (SELECT 1 FROM demo.media_metadata d WHERE d.media_id = m.id)" : "")
                    + " ORDER BY m.id", row -> found.add(new Media(row.getLong(1), row.getString(2))));
            return found;
        });
        int read = 0;
        int removed = 0;
        int errorCount = 0;
        List<String> firstErrors = new ArrayList<>();
        for (int from = 0; from < media.size(); from += batchSize) {
            List<Media> batch = media.subList(from, Math.min(media.size(), from + batchSize));
            List<ImageProbe.Result> results = new ArrayList<>();
            for (Media file : batch) {
                results.add(ImageProbe.probe(MediaMetadata.file(info, file.fileName())));
            }
            boolean[] recorded = Jdbc.transaction(db(), connection -> write(connection, batch, results));
            for (int i = 0; i < batch.size(); i++) {
                ImageProbe.Result result = results.get(i);
                if (!recorded[i]) {
                    removed++;
                } else if (result.ok()) {
                    read++;
                } else {
                    errorCount++;
                    if (firstErrors.size() < 3) {
                        firstErrors.add("media " + batch.get(i).id() + ": " + result.error());
                    }
                }
            }
            context.throwIfCancelled();
            int done = from + batch.size();
            context.progress(done, media.size(), "read " + done + " of " + media.size() + " media files");
        }
        if (media.isEmpty()) {
            context.progress(0, 0, "no media file to read");
        }
        summary(context, read + " media files read" + (onlyMissing ? " (only missing)" : "") + ", "
                + errorCount + (errorCount == 1 ? " error" : " errors")
                + (firstErrors.isEmpty() ? "" : " (" + String.join("; ", firstErrors)
                + (errorCount > firstErrors.size() ? "; ..." : "") + ")")
                + ", " + removed + " removed meanwhile");
    }

    /** Records the batch's results for the media that still exist; true for each file recorded. */
    private boolean[] write(Connection connection, List<Media> batch, List<ImageProbe.Result> results)
            throws SQLException {
        Set<Long> present = new HashSet<>();
        String in = String.join(",", batch.stream().map(m -> "?").toList());
        Jdbc.forEach(connection, "SELECT id FROM demo.media WHERE id IN (" + in + ")",
                row -> present.add(row.getLong(1)), batch.stream().map(Media::id).toArray());
        boolean[] recorded = new boolean[batch.size()];
        long at = now();
        for (int i = 0; i < batch.size(); i++) {
            long id = batch.get(i).id();
            if (present.contains(id)) {
                MediaMetadata.record(connection, id, results.get(i), at);
                recorded[i] = true;
            }
        }
        return recorded;
    }
}
