package org.jobdeck.demo;

import java.nio.file.Path;

/**
 * A generated dataset as recorded in {@code demo.dataset}, with the row counts of its main tables.
 *
 * @param mediaDirectory where its image files are
 * @param orphanedMedia  media files no post references (for media-orphan-cleanup)
 * @param corruptMedia   media files that are not valid images (for the media-metadata jobs)
 * @param driftedCounters counters set wrong on purpose (for stats-reconcile)
 */
public record DatasetInfo(DatasetSpec spec, Path mediaDirectory, long createdAt, int orphanedMedia,
                          int corruptMedia, int driftedCounters, long users, long posts, long media,
                          long likes, long follows) {

    /** One line, e.g. for {@code jobdeck demo-data}. */
    public String summary() {
        return users + " users, " + posts + " posts, " + likes + " likes, " + follows + " follows, "
                + media + " media files (" + orphanedMedia + " orphaned, " + corruptMedia + " corrupt), "
                + driftedCounters + " drifted counters; seed " + spec.seed() + ", images in " + mediaDirectory;
    }
}
