package org.jobdeck.demo;

import java.nio.file.Path;
import java.util.List;
import org.jobdeck.demo.jobs.Affinity;
import org.jobdeck.demo.jobs.BuildUserTraits;
import org.jobdeck.demo.jobs.Compatibility;
import org.jobdeck.demo.jobs.ContentFeatures;
import org.jobdeck.demo.jobs.DemoJob;
import org.jobdeck.demo.jobs.FeedPresort;
import org.jobdeck.demo.jobs.FeedPresortCleanup;
import org.jobdeck.demo.jobs.InterestRelationships;
import org.jobdeck.demo.jobs.MatchScores;
import org.jobdeck.demo.jobs.MediaMetadata;
import org.jobdeck.demo.jobs.MediaMetadataBatch;
import org.jobdeck.demo.jobs.MediaOrphanCleanup;
import org.jobdeck.demo.jobs.ProfileSearchIndex;
import org.jobdeck.demo.jobs.QuizAnswerStats;
import org.jobdeck.demo.jobs.SearchableUser;
import org.jobdeck.demo.jobs.StatsReconcile;
import org.jobdeck.demo.jobs.Trending;
import org.jobdeck.demo.jobs.UserInterestSets;
import org.jobdeck.queue.handler.HandlerRegistry;
import org.jobdeck.queue.store.Database;

/**
 * The handlers of the default catalog's 17 jobs, over the demo dataset in the queue's own
 * database. The first handler to run creates the dataset if there is none.
 */
public final class DemoHandlers {
    private DemoHandlers() {
    }

    /**
     * Registers a handler for every job of the default catalog.
     *
     * @param dataDirectory where a dataset created on first use keeps its images; usually
     *                      {@link DemoDataset#defaultDataDirectory()}
     */
    public static HandlerRegistry registerAll(HandlerRegistry registry, Database database, Path dataDirectory) {
        return registerAll(registry, DemoDataset.at(database, dataDirectory));
    }

    /** Registers the handlers over a configured dataset (its clock, its first-use size). */
    public static HandlerRegistry registerAll(HandlerRegistry registry, DemoDataset dataset) {
        for (DemoJob job : all(dataset)) {
            registry.register(job.name(), job);
        }
        return registry;
    }

    /** One handler per job, in the default catalog's order. */
    public static List<DemoJob> all(DemoDataset dataset) {
        return List.of(
                new BuildUserTraits(dataset),
                new MatchScores(dataset),
                new Compatibility(dataset),
                new ContentFeatures(dataset),
                new Trending(dataset),
                new Affinity(dataset),
                new FeedPresort(dataset),
                new ProfileSearchIndex(dataset),
                new UserInterestSets(dataset),
                new SearchableUser(dataset),
                new InterestRelationships(dataset),
                new StatsReconcile(dataset),
                new MediaOrphanCleanup(dataset),
                new FeedPresortCleanup(dataset),
                new MediaMetadata(dataset),
                new MediaMetadataBatch(dataset),
                new QuizAnswerStats(dataset));
    }
}
