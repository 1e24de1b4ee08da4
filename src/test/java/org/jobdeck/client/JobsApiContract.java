package org.jobdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.jobdeck.api.EnqueueRequest;
import org.jobdeck.api.EnqueueResult;
import org.jobdeck.api.GroupsView;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.JobsApiException;
import org.jobdeck.api.JobsApiException.Code;
import org.jobdeck.api.PlanRequest;
import org.jobdeck.api.PlanView;
import org.jobdeck.api.RunDetail;
import org.jobdeck.api.RunFilter;
import org.jobdeck.api.RunStatus;
import org.jobdeck.api.RunView;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.queue.TestDatabases;
import org.jobdeck.queue.handler.HandlerRegistry;
import org.jobdeck.queue.worker.WorkerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobsApi} does alike, embedded or over REST: the default catalog on a fresh
 * H2 database in memory per test, and workers (with registered handlers) only where runs must
 * execute. A subclass puts its face ({@link #face}) in front of the embedded backend.
 */
public abstract class JobsApiContract {
    protected static final JobCatalog CATALOG = CatalogReader.readDefault().toCatalog();
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    /** The queue itself; the tests act through {@link #api}, and use this only to arrange. */
    protected EmbeddedJobsApi backend;
    /** The face under test. */
    protected JobsApi api;

    /** The API under test, in front of {@code backend}. */
    protected abstract JobsApi face(EmbeddedJobsApi backend);

    /** Closes whatever {@link #face} started (the API itself is closed by the contract). */
    protected void closeFace() {
    }

    @BeforeEach
    void openWithoutWorkers() {
        open(new HandlerRegistry(), 0);
    }

    @AfterEach
    void closeAll() {
        api.close();
        closeFace();
        if (backend != api) {
            backend.close();
        }
    }

    /** Starts over on a fresh database, with {@code workers} threads running {@code handlers}. */
    protected void reopen(HandlerRegistry handlers, int workers) {
        closeAll();
        open(handlers, workers);
    }

    private void open(HandlerRegistry handlers, int workers) {
        WorkerSettings settings = workers == 0 ? null : WorkerSettings.defaults(workers).withPoll(50);
        backend = EmbeddedJobsApi.open(CATALOG, TestDatabases.h2(), handlers, settings);
        api = face(backend);
    }

    /** Every job of the catalog logs three lines and reports progress. */
    protected static HandlerRegistry loggingHandlers() {
        HandlerRegistry handlers = new HandlerRegistry();
        CATALOG.jobs().forEach(job -> handlers.register(job.name(), context -> {
            for (int line = 1; line <= 3; line++) {
                context.log(context.jobName() + " line " + line);
            }
            context.progress(3, 3, "done");
        }));
        return handlers;
    }

    protected static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    protected EnqueueResult enqueue(PlanRequest selection) {
        return api.enqueue(EnqueueRequest.of(selection, "contract"));
    }

    protected static Code codeOf(Runnable call) {
        try {
            call.run();
        } catch (JobsApiException e) {
            return e.code();
        }
        throw new AssertionError("expected a JobsApiException");
    }

    private Map<String, RunView> byId(List<RunView> runs) {
        Map<String, RunView> map = new ConcurrentHashMap<>();
        runs.forEach(run -> map.put(run.jobRunId(), run));
        return map;
    }

    // ------------------------------------------------------------------ catalog and plans

    @Test
    void describesItself() {
        assertThat(api.describe()).isNotBlank();
    }

    @Test
    void catalogHasTheSeedsSeventeenJobsAndSixGroups() {
        var catalog = api.catalog();

        assertThat(catalog.jobs()).hasSize(17);
        assertThat(catalog.groups()).extracting(g -> g.name())
                .containsExactly("matching", "feed", "search", "maintenance", "media", "quiz");
        var presort = catalog.jobs().stream().filter(j -> j.name().equals("feed-presort")).findFirst().orElseThrow();
        assertThat(presort.dependencies()).containsExactlyInAnyOrder("match-scores", "affinity", "content-features");
        assertThat(presort.defaultParams()).containsEntry("batchSize", 100).containsEntry("incremental", false);
        assertThat(catalog.toCatalog().size()).isEqualTo(17);
    }

    @Test
    void theCatalogCarriesItsParamDeclarationsSoAClientRebuildsTheSameCatalog() {
        assertThat(api.catalog().toCatalog().jobs()).isEqualTo(CATALOG.jobs());
        assertThat(api.catalog().toCatalog().job("feed-presort").orElseThrow().params().get("userId").summary())
                .isEqualTo("integer ≥ 1");
    }

    @Test
    void groupsCountSeventeenJobsInSixGroups() {
        GroupsView groups = api.groups();

        assertThat(groups.total()).isEqualTo(17);
        assertThat(groups.groups()).extracting(GroupsView.Group::group, GroupsView.Group::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("matching", 3),
                        org.assertj.core.groups.Tuple.tuple("feed", 4),
                        org.assertj.core.groups.Tuple.tuple("search", 4),
                        org.assertj.core.groups.Tuple.tuple("maintenance", 3),
                        org.assertj.core.groups.Tuple.tuple("media", 2),
                        org.assertj.core.groups.Tuple.tuple("quiz", 1));
        assertThat(groups.groups().get(1).dependsOnGroups()).containsExactly("matching");
    }

    @Test
    void feedPlanPullsInTwoDependenciesFromMatching() {
        PlanView plan = api.plan(PlanRequest.group("feed"));

        assertThat(plan.scope()).isEqualTo("group");
        assertThat(plan.group()).isEqualTo("feed");
        assertThat(plan.count()).isEqualTo(6);
        assertThat(plan.summary()).isEqualTo("6 jobs: 4 members of feed, 2 dependencies from matching");
        assertThat(plan.jobs()).extracting(PlanView.Job::jobName).containsExactly("build-user-traits",
                "content-features", "affinity", "match-scores", "trending", "feed-presort");
        assertThat(plan.jobs().get(0).reason()).isEqualTo("dependency");
        assertThat(plan.jobs().get(0).requiredBy()).containsExactly("match-scores");
    }

    @Test
    void plansOfAllAndOfNamedJobs() {
        assertThat(api.plan(PlanRequest.all()).count()).isEqualTo(17);

        PlanView jobs = api.plan(PlanRequest.jobs(List.of("trending")));
        assertThat(jobs.scope()).isEqualTo("jobs");
        assertThat(jobs.requested()).containsExactly("trending");
        assertThat(jobs.jobs()).extracting(PlanView.Job::jobName).containsExactly("content-features", "trending");
    }

    @Test
    void unknownGroupAndJobAreReportedByCodeWithTheKnownNames() {
        assertThatThrownBy(() -> api.plan(PlanRequest.group("fed")))
                .isInstanceOfSatisfying(JobsApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.UNKNOWN_GROUP);
                    assertThat(e.getMessage()).isEqualTo("Unknown group: fed (known groups: matching, feed,"
                            + " search, maintenance, media, quiz)");
                });
        assertThat(codeOf(() -> enqueue(PlanRequest.group("fed")))).isEqualTo(Code.UNKNOWN_GROUP);
        assertThat(codeOf(() -> api.plan(PlanRequest.jobs(List.of("trendy"))))).isEqualTo(Code.UNKNOWN_JOB);
        assertThat(codeOf(() -> enqueue(PlanRequest.jobs(List.of("trendy"))))).isEqualTo(Code.UNKNOWN_JOB);
        assertThat(api.runs(RunFilter.latest(10))).isEmpty();
    }

    // ------------------------------------------------------------------ enqueue

    @Test
    void feedEnqueueAnswersTheSeedsShape() {
        EnqueueResult result = enqueue(PlanRequest.group("feed"));

        assertThat(result.status()).isEqualTo("enqueued");
        assertThat(result.group()).isEqualTo("feed");
        assertThat(result.count()).isEqualTo(6);
        assertThat(result.batchId()).isNotBlank();
        assertThat(result.jobs()).extracting(EnqueueResult.EnqueuedJob::jobName, EnqueueResult.EnqueuedJob::group)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("build-user-traits", "matching"),
                        org.assertj.core.groups.Tuple.tuple("content-features", "feed"),
                        org.assertj.core.groups.Tuple.tuple("affinity", "feed"),
                        org.assertj.core.groups.Tuple.tuple("match-scores", "matching"),
                        org.assertj.core.groups.Tuple.tuple("trending", "feed"),
                        org.assertj.core.groups.Tuple.tuple("feed-presort", "feed"));
        assertThat(result.jobs()).extracting(EnqueueResult.EnqueuedJob::jobRunId).doesNotHaveDuplicates();
    }

    @Test
    void enqueueOfAllCountsSeventeenWithoutAGroup() {
        EnqueueResult result = enqueue(PlanRequest.all());

        assertThat(result.count()).isEqualTo(17);
        assertThat(result.group()).isNull();
        assertThat(result.jobs()).hasSize(17);
    }

    @Test
    void paramsOverrideTheDefaultsOfTheNamedJobs() {
        EnqueueResult result = api.enqueue(EnqueueRequest.of(PlanRequest.jobs(List.of("feed-presort")), "contract")
                .withParams(Map.of("feed-presort", Map.of("userId", 8, "batchSize", 50))));

        assertThat(result.count()).as("feed-presort and the four jobs it needs").isEqualTo(5);
        String presort = result.jobs().get(4).jobRunId();
        assertThat(result.jobs().get(4).jobName()).isEqualTo("feed-presort");
        Map<String, Object> params = api.run(presort, 0).run().params();
        assertThat(params).containsEntry("userId", 8).containsEntry("batchSize", 50)
                .containsEntry("segmentSize", 20).containsEntry("incremental", false);
    }

    @Test
    void paramsOfTheWrongTypeAreInvalidParams() {
        assertThatThrownBy(() -> api.enqueue(EnqueueRequest.of(PlanRequest.group("feed"), "contract")
                .withParams(Map.of("feed-presort", Map.of("batchSize", "lots")))))
                .isInstanceOfSatisfying(JobsApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.INVALID_PARAMS);
                    assertThat(e.getMessage()).contains("feed-presort").contains("batchSize").contains("number");
                });
        assertThat(codeOf(() -> api.enqueue(EnqueueRequest.of(PlanRequest.group("feed"), "contract")
                .withParams(Map.of("feed-presort", Map.of("incremental", Map.of("deep", true)))))))
                .isEqualTo(Code.INVALID_PARAMS);
        assertThat(codeOf(() -> api.enqueue(EnqueueRequest.of(PlanRequest.group("feed"), "contract")
                .withParams(Map.of("quiz-answer-stats", Map.of("x", 1))))))
                .as("params for a job outside the plan").isEqualTo(Code.INVALID_PARAMS);
        assertThat(api.runs(RunFilter.latest(10))).as("nothing was enqueued").isEmpty();
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstBatchAndEnqueuesNothing() {
        String key = UUID.randomUUID().toString();
        EnqueueRequest request = EnqueueRequest.of(PlanRequest.group("feed"), "contract").withIdempotencyKey(key);

        EnqueueResult first = api.enqueue(request);
        EnqueueResult again = api.enqueue(request);

        assertThat(again).isEqualTo(first);
        assertThat(api.runs(RunFilter.latest(100))).hasSize(6);
        assertThat(enqueue(PlanRequest.group("feed")).batchId()).as("no key, new batch").isNotEqualTo(first.batchId());
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefusedWithItsOwnCodeAndEnqueuesNothing() {
        String key = UUID.randomUUID().toString();
        EnqueueRequest feed = EnqueueRequest.of(PlanRequest.group("feed"), "contract").withIdempotencyKey(key);
        EnqueueResult first = api.enqueue(feed);

        for (EnqueueRequest other : List.of(
                EnqueueRequest.of(PlanRequest.group("quiz"), "contract").withIdempotencyKey(key),
                EnqueueRequest.of(PlanRequest.all(), "contract").withIdempotencyKey(key),
                feed.withParams(Map.of("feed-presort", Map.of("batchSize", 10))),
                feed.withRequestedBy("someone else"))) {
            assertThatThrownBy(() -> api.enqueue(other)).as(other.toString())
                    .isInstanceOfSatisfying(JobsApiException.class, e -> {
                        assertThat(e.code()).isEqualTo(Code.IDEMPOTENCY_KEY_REUSED);
                        assertThat(e.getMessage()).contains(key).contains("batch " + first.batchId());
                    });
        }
        assertThat(api.enqueue(feed)).as("the first request still replays").isEqualTo(first);
        assertThat(api.runs(RunFilter.latest(100))).hasSize(6);
    }

    // ------------------------------------------------------------------ runs

    @Test
    void runsFilterByBatchStateAndGroup() {
        EnqueueResult feed = enqueue(PlanRequest.group("feed"));
        enqueue(PlanRequest.all());

        assertThat(api.runs(RunFilter.batch(feed.batchId()))).hasSize(6)
                .allSatisfy(run -> assertThat(run.batchId()).isEqualTo(feed.batchId()));
        List<RunView> queued = api.runs(new RunFilter(List.of("queued"), feed.batchId(), null, null, 100));
        assertThat(queued).extracting(RunView::jobName)
                .containsExactlyInAnyOrder("build-user-traits", "content-features", "affinity");
        assertThat(api.runs(new RunFilter(List.of("waiting", "queued"), null, "matching", null, 100)))
                .hasSize(2 + 3).allSatisfy(run -> assertThat(run.group()).isEqualTo("matching"));
        assertThat(codeOf(() -> api.runs(new RunFilter(List.of("sleeping"), null, null, null, 10))))
                .isEqualTo(Code.INVALID_REQUEST);
    }

    @Test
    void runsComeNewestFirstInPagesWithoutGapsOrRepeats() {
        enqueue(PlanRequest.all());
        List<String> seen = new ArrayList<>();
        String before = null;
        for (int page = 0; page < 10; page++) {
            List<RunView> runs = api.runs(new RunFilter(List.of(), null, null, before, 5));
            if (runs.isEmpty()) {
                break;
            }
            assertThat(runs.size()).isLessThanOrEqualTo(5);
            runs.forEach(run -> seen.add(run.jobRunId()));
            before = runs.get(runs.size() - 1).jobRunId();
        }

        assertThat(seen).hasSize(17).doesNotHaveDuplicates();
        assertThat(seen).isSortedAccordingTo((a, b) -> Long.compare(Long.parseLong(b), Long.parseLong(a)));
    }

    @Test
    void aWaitingRunSaysWhatItWaitsFor() {
        EnqueueResult feed = enqueue(PlanRequest.group("feed"));
        String presort = feed.jobs().get(5).jobRunId();

        RunDetail detail = api.run(presort, 10);

        assertThat(detail.run().state()).isEqualTo(RunStatus.WAITING);
        assertThat(detail.run().why()).startsWith("waiting for").contains("match-scores");
        assertThat(detail.run().upstream()).hasSize(3);
        assertThat(detail.log()).isEmpty();
    }

    @Test
    void runDetailHasTheNewestLogLinesAndWhy() throws InterruptedException {
        reopen(loggingHandlers(), 2);
        EnqueueResult result = enqueue(PlanRequest.jobs(List.of("build-user-traits")));
        String id = result.jobs().get(0).jobRunId();
        await("the run to succeed", () -> api.run(id, 0).run().state() == RunStatus.SUCCEEDED);

        RunDetail detail = api.run(id, 2);

        assertThat(detail.log()).extracting(RunDetail.LogLine::line)
                .containsExactly("build-user-traits line 2", "build-user-traits line 3");
        assertThat(detail.log()).allSatisfy(line -> assertThat(line.at()).isNotBlank());
        assertThat(detail.run().why()).isNotBlank();
        assertThat(detail.run().progress().done()).isEqualTo(3);
        assertThat(detail.run().attempt()).isEqualTo(1);
    }

    @Test
    void unknownRunsAreReportedByCode() {
        assertThat(codeOf(() -> api.run("999999", 10))).isEqualTo(Code.UNKNOWN_RUN);
        assertThat(codeOf(() -> api.run("not-a-run", 10))).isEqualTo(Code.UNKNOWN_RUN);
        assertThat(codeOf(() -> api.cancel("999999"))).isEqualTo(Code.UNKNOWN_RUN);
        assertThat(codeOf(() -> api.retry("999999"))).isEqualTo(Code.UNKNOWN_RUN);
    }

    @Test
    void cancelBlocksTheDownstreamRunsAndRetryUnblocksThem() {
        EnqueueResult matching = enqueue(PlanRequest.group("matching"));
        String traits = matching.jobs().get(0).jobRunId();

        RunView cancelled = api.cancel(traits);

        assertThat(cancelled.state()).isEqualTo(RunStatus.CANCELLED);
        Map<String, RunView> runs = byId(api.runs(RunFilter.batch(matching.batchId())));
        runs.values().stream().filter(run -> !run.jobRunId().equals(traits)).forEach(run -> {
            assertThat(run.state()).isEqualTo(RunStatus.BLOCKED);
            assertThat(run.blockedBy()).isEqualTo(traits);
        });

        List<RunView> retried = api.retry(traits);

        assertThat(retried.get(0).jobRunId()).isEqualTo(traits);
        assertThat(retried.get(0).state()).isEqualTo(RunStatus.QUEUED);
        assertThat(retried.subList(1, retried.size())).hasSize(2)
                .allSatisfy(run -> assertThat(run.state()).isEqualTo(RunStatus.WAITING));
        assertThat(retried.get(0).version()).isGreaterThan(cancelled.version());
    }

    @Test
    void cancellingACancelledRunOrRetryingAQueuedOneIsInvalidState() {
        EnqueueResult result = enqueue(PlanRequest.jobs(List.of("stats-reconcile", "quiz-answer-stats")));
        String first = result.jobs().get(0).jobRunId();
        String second = result.jobs().get(1).jobRunId();
        api.cancel(first);

        assertThatThrownBy(() -> api.cancel(first)).isInstanceOfSatisfying(JobsApiException.class, e -> {
            assertThat(e.code()).isEqualTo(Code.INVALID_STATE);
            assertThat(e.getMessage()).contains("cancelled");
        });
        assertThat(codeOf(() -> api.retry(second))).isEqualTo(Code.INVALID_STATE);
    }

    @Test
    void countsListEveryState() {
        enqueue(PlanRequest.group("feed"));

        Map<String, Integer> counts = api.counts();

        assertThat(counts).containsOnlyKeys("waiting", "queued", "running", "succeeded", "failed",
                "cancelled", "blocked");
        assertThat(counts).containsEntry("queued", 3).containsEntry("waiting", 3).containsEntry("failed", 0);
    }

    // ------------------------------------------------------------------ subscriptions

    @Test
    void subscribersReceiveChangesAsTheyHappen() throws Exception {
        Map<String, RunView> latest = new ConcurrentHashMap<>();
        AutoCloseable subscription = api.subscribe(runs -> runs.forEach(run ->
                latest.merge(run.jobRunId(), run, (a, b) -> b.version() > a.version() ? b : a)));
        try {
            EnqueueResult feed = enqueue(PlanRequest.group("feed"));
            Set<String> ids = Set.copyOf(feed.jobs().stream().map(EnqueueResult.EnqueuedJob::jobRunId).toList());
            await("the six new runs", () -> latest.keySet().containsAll(ids));

            String presort = feed.jobs().get(5).jobRunId();
            api.cancel(presort);
            await("the cancel", () -> latest.get(presort).state() == RunStatus.CANCELLED);
        } finally {
            subscription.close();
        }
    }

    @Test
    void runsExecuteAndSubscribersSeeThemSucceed() throws Exception {
        reopen(loggingHandlers(), 2);
        Map<String, RunView> latest = new ConcurrentHashMap<>();
        AutoCloseable subscription = api.subscribe(runs -> runs.forEach(run ->
                latest.merge(run.jobRunId(), run, (a, b) -> b.version() > a.version() ? b : a)));
        try {
            EnqueueResult feed = enqueue(PlanRequest.group("feed"));
            await("every feed run to succeed", () -> feed.jobs().stream()
                    .allMatch(job -> latest.containsKey(job.jobRunId())
                            && latest.get(job.jobRunId()).state() == RunStatus.SUCCEEDED));
        } finally {
            subscription.close();
        }
        assertThat(api.counts()).containsEntry("succeeded", 6);
    }
}
