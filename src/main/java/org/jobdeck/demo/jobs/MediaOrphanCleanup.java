package org.jobdeck.demo.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jobdeck.demo.DatasetInfo;
import org.jobdeck.demo.DemoDataset;
import org.jobdeck.demo.sql.Jdbc;
import org.jobdeck.queue.handler.JobContext;

/**
 * media-orphan-cleanup: deletes the media that no post shows, rows and files. Rows go first, in
 * one transaction that re-checks each one is still unreferenced; files are deleted only after
 * that commits, so a rollback never leaves a row without its file. Params: dryRun.
 */
public final class MediaOrphanCleanup extends DemoJob {
    public MediaOrphanCleanup(DemoDataset dataset) {
        super(dataset);
    }

    @Override
    public String name() {
        return "media-orphan-cleanup";
    }

    private record Orphan(long id, String fileName) {
    }

    @Override
    protected void execute(JobContext context, DatasetInfo info) throws Exception {
        boolean dryRun = context.booleanParam("dryRun", false);
        long[] total = new long[1];
        List<Orphan> deleted = Jdbc.transaction(db(), connection -> {
            total[0] = Jdbc.queryLong(connection, "SELECT COUNT(*) FROM demo.media");
            List<Orphan> orphans = new ArrayList<>();
            Jdbc.forEach(connection, "SELECT m.id, m.file_name FROM demo.media m"
                    + " WHERE NOT EXISTS (SELECT 1 FROM demo.posts p WHERE p.media_id = m.id) ORDER BY m.id",
                    row -> orphans.add(new Orphan(row.getLong(1), row.getString(2))));
            context.progress(0, orphans.size(), "found " + orphans.size() + " orphaned media");
            if (dryRun) {
                return orphans;
            }
            List<Orphan> gone = new ArrayList<>();
            for (Orphan orphan : orphans) {
                int rows = Jdbc.update(connection, "DELETE FROM demo.media WHERE id = ?"
                        + " AND NOT EXISTS (SELECT 1 FROM demo.posts p WHERE p.media_id = ?)", orphan.id(), orphan.id());
                if (rows == 1) {
                    Jdbc.update(connection, "DELETE FROM demo.media_metadata WHERE media_id = ?", orphan.id());
                    gone.add(orphan);
                }
            }
            context.throwIfCancelled();
            return gone;
        });
        if (dryRun) {
            context.progress(deleted.size(), deleted.size(), "dry run");
            summary(context, "dry run, would delete " + deleted.size() + " orphaned media of " + total[0]
                    + ids(deleted));
            return;
        }
        int files = 0;
        for (int i = 0; i < deleted.size(); i++) {
            try {
                files += Files.deleteIfExists(info.mediaDirectory().resolve(deleted.get(i).fileName())) ? 1 : 0;
            } catch (IOException e) {
                context.log(name() + ": cannot delete " + deleted.get(i).fileName() + ": " + e.getMessage());
            }
            context.progress(i + 1, deleted.size(), "deleted " + (i + 1) + " of " + deleted.size() + " files");
        }
        if (deleted.isEmpty()) {
            context.progress(0, 0, "no orphaned media");
        }
        summary(context, "deleted " + deleted.size() + " orphaned media of " + total[0] + " (" + deleted.size()
                + " rows, " + files + " files)" + ids(deleted));
    }

    private static String ids(List<Orphan> orphans) {
        if (orphans.isEmpty()) {
            return "";
        }
        List<String> ids = orphans.stream().limit(10).map(o -> Long.toString(o.id())).toList();
        return ": ids " + String.join(", ", ids) + (orphans.size() > ids.size() ? ", ..." : "");
    }
}
