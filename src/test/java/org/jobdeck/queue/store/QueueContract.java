package org.jobdeck.queue.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jobdeck.core.catalog.InvalidParamsException;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.plan.DependencyResolver;
import org.jobdeck.queue.Batch;
import org.jobdeck.queue.Enqueuer;
import org.jobdeck.queue.IdempotencyKey;
import org.jobdeck.queue.IdempotencyKeyReusedException;
import org.jobdeck.queue.IllegalRunStateException;
import org.jobdeck.queue.LeaseLostException;
import org.jobdeck.queue.MutableClock;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.RunExplanation;
import org.jobdeck.queue.store.RunFeed;
import org.jobdeck.queue.RunState;
import org.jobdeck.queue.TestCatalogs;
import org.jobdeck.queue.UnknownRunException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/**
 * The queue's behaviour, written once and run on every store (H2 and PostgreSQL). Time is a
 * {@link MutableClock}, so leases and retry delays are exercised without waiting.
 */
public abstract class QueueContract {
    protected static final String WORKER = "worker-1";
    protected static final long LEASE = 30_000;
    private static final IdempotencyKey KEY_1 = new IdempotencyKey("key-1", "fingerprint-1");

    protected final MutableClock clock = new MutableClock();
    protected final JobCatalog catalog = TestCatalogs.diamond();
    protected final DependencyResolver resolver = new DependencyResolver(catalog);
    protected Database database;
    protected RunStore store;
    protected Enqueuer enqueuer;

    protected abstract DatabaseUrl freshDatabase();

    /** The store under test, on the test's clock: each database's own dialect, unless a subclass says otherwise. */
    protected RunStore openStore(Database opened) {
        return new RunStore(opened, clock);
    }

    @BeforeEach
    void openStore() {
        database = Database.open(freshDatabase(), 8);
        store = openStore(database);
        enqueuer = new Enqueuer(catalog, store);
    }

    @AfterEach
    void closeStore() {
        database.close();
    }

    protected Batch enqueueAll() {
        return enqueuer.enqueue(resolver.resolveAll(), Map.of(), "test", null);
    }

    protected Map<String, Run> byJob(Batch batch) {
        return store.reads().batch(batch.id()).orElseThrow().runs().stream()
                .collect(Collectors.toMap(Run::jobName, Function.identity()));
    }

    protected Run claimOne(String job) {
        List<Run> claimed = store.leases().claim(WORKER, 10, LEASE, null);
        Run wanted = claimed.stream().filter(r -> r.jobName().equals(job)).findFirst().orElseThrow(
                () -> new AssertionError(job + " was not claimable; claimed " + claimed));
        claimed.stream().filter(r -> r != wanted).forEach(r -> store.leases().handBack(r, WORKER));
        return wanted;
    }

    protected void runToSuccess(String job) {
        store.leases().succeed(claimOne(job), WORKER);
    }

    @Test
    void enqueueCreatesOneRunPerPlanEntryWithUpstreamRunsRecorded() {
        Batch batch = enqueueAll();

        assertThat(batch.runs()).extracting(Run::jobName).containsExactly("a", "e", "b", "c", "d");
        Map<String, Run> runs = byJob(batch);
        assertThat(runs.get("a").state()).isEqualTo(RunState.QUEUED);
        assertThat(runs.get("e").state()).isEqualTo(RunState.QUEUED);
        assertThat(runs.get("b").state()).isEqualTo(RunState.WAITING);
        assertThat(runs.get("d").upstream()).containsExactlyInAnyOrder(runs.get("b").id(), runs.get("c").id());
        assertThat(runs.get("b").upstream()).containsExactly(runs.get("a").id());
        assertThat(batch.scope()).isEqualTo("all");
        assertThat(batch.requestedBy()).isEqualTo("test");
        assertThat(runs.values()).allSatisfy(run -> assertThat(run.batchId()).isEqualTo(batch.id()));
    }

    @Test
    void runIdsAreNumericStrings() {
        Batch batch = enqueueAll();

        assertThat(batch.runs()).allSatisfy(run -> assertThat(run.id()).matches("\\d+"));
        assertThat(batch.id()).matches("\\d+");
    }

    @Test
    void groupEnqueueRecordsTheScopeAndPullsInDependencies() {
        Batch batch = enqueuer.enqueue(resolver.resolveGroup("g2"), Map.of(), "test", null);

        assertThat(batch.scope()).isEqualTo("group");
        assertThat(batch.scopeValue()).isEqualTo("g2");
        assertThat(batch.runs()).extracting(Run::jobName).containsExactly("a", "b", "c", "d");
    }

    @Test
    void paramsAreDefaultsOverriddenByTheGivenOnes() {
        Batch batch = enqueuer.enqueue(resolver.resolveAll(),
                Map.of("a", Map.of("batchSize", 99, "userId", 8)), "test", null);

        Run a = byJob(batch).get("a");
        assertThat(a.params()).containsEntry("batchSize", 99).containsEntry("userId", 8)
                .containsEntry("dryRun", false).containsEntry("label", "x");
    }

    @Test
    void aParamWithADefaultKeepsItsType() {
        assertThatThrownBy(() -> enqueuer.enqueue(resolver.resolveAll(),
                Map.of("a", Map.of("batchSize", "many")), "test", null))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessage("Job a: param 'batchSize' must be a number, got string \"many\"");
        assertThat(store.reads().countByState().values()).allMatch(count -> count == 0);
    }

    @Test
    void paramsLargerThanARunTakesAreRefusedBeforeAnythingIsStored() {
        String fits = "x".repeat(Enqueuer.MAX_PARAMS_CHARS - 100);
        enqueuer.enqueue(resolver.resolveAll(), Map.of("a", Map.of("label", fits)), "test", null);
        int stored = store.reads().countByState().values().stream().mapToInt(Integer::intValue).sum();

        assertThatThrownBy(() -> enqueuer.enqueue(resolver.resolveAll(),
                Map.of("a", Map.of("label", "x".repeat(Enqueuer.MAX_PARAMS_CHARS))), "test", null))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessageStartingWith("Job a: params are ")
                .hasMessageEndingWith("characters as JSON; a run takes at most " + Enqueuer.MAX_PARAMS_CHARS);
        assertThat(store.reads().countByState().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(stored);
    }

    @Test
    void paramsForAJobOutsideThePlanAreRefused() {
        assertThatThrownBy(() -> enqueuer.enqueue(resolver.resolveGroup("g3"),
                Map.of("a", Map.of("batchSize", 1)), "test", null))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessageStartingWith("Params given for a, which is not in this plan");
    }

    @Test
    void claimTakesOnlyQueuedRunsAndMarksThemRunning() {
        enqueueAll();

        List<Run> claimed = store.leases().claim(WORKER, 10, LEASE, null);

        assertThat(claimed).extracting(Run::jobName).containsExactly("a", "e");
        assertThat(claimed).allSatisfy(run -> {
            assertThat(run.state()).isEqualTo(RunState.RUNNING);
            assertThat(run.attempt()).isEqualTo(1);
            assertThat(run.leaseOwner()).isEqualTo(WORKER);
            assertThat(run.leaseExpiresAt()).isEqualTo(clock.millis() + LEASE);
        });
        assertThat(store.leases().claim("worker-2", 10, LEASE, null)).isEmpty();
    }

    @Test
    void runsAreClaimedInTheOrderTheyBecameReadyAndRequeuedRunsKeepTheirPlace() {
        Batch first = enqueueAll();
        clock.advance(1_000);
        Batch second = enqueueAll();
        clock.advance(1_000);
        store.leases().succeed(store.leases().claim(WORKER, 1, LEASE, first.id()).get(0), WORKER); // first's a: b, c ready now
        Run secondA = store.leases().claim(WORKER, 1, LEASE, second.id()).get(0);
        store.leases().handBack(secondA, WORKER);

        List<Run> claimed = store.leases().claim(WORKER, 10, LEASE, null);

        // first's e (enqueued first), then second's a (handed back, in its place) and e, then
        // first's b and c, which became ready last.
        assertThat(claimed).extracting(run -> run.batchId() + ":" + run.jobName()).containsExactly(
                first.id() + ":e", second.id() + ":a", second.id() + ":e", first.id() + ":b", first.id() + ":c");
    }

    @Test
    void aGroupOfSuccessesLeavesOutARunWhoseLeaseWasLost() {
        Batch batch = enqueueAll();
        List<Run> claimed = store.leases().claim(WORKER, 10, LEASE, null);
        Run a = claimed.get(0);
        Run e = claimed.get(1);
        clock.advance(LEASE - 1);
        store.leases().renewLeases(WORKER, List.of(e.id()), LEASE);
        clock.advance(2);
        assertThat(store.leases().reclaimExpired()).isEqualTo(1); // a's lease expired, e's was renewed

        List<Run> recorded = store.leases().succeedAll(List.of(a, e), WORKER);

        assertThat(recorded).extracting(Run::jobName).containsExactly("e");
        assertThat(byJob(batch).get("a").state()).isEqualTo(RunState.QUEUED);
        assertThat(byJob(batch).get("e").state()).isEqualTo(RunState.SUCCEEDED);
    }

    @Test
    void claimCanBeLimitedToOneBatch() {
        enqueueAll();
        Batch second = enqueueAll();

        List<Run> claimed = store.leases().claim(WORKER, 10, LEASE, second.id());

        assertThat(claimed).extracting(Run::batchId).containsOnly(second.id());
        assertThat(claimed).hasSize(2);
    }

    @Test
    void theLastUpstreamSuccessQueuesTheDownstreamRun() {
        Batch batch = enqueueAll();
        runToSuccess("a");
        assertThat(byJob(batch).get("b").state()).isEqualTo(RunState.QUEUED);
        assertThat(byJob(batch).get("c").state()).isEqualTo(RunState.QUEUED);

        runToSuccess("b");
        assertThat(byJob(batch).get("d").state()).isEqualTo(RunState.WAITING);

        runToSuccess("c");
        assertThat(byJob(batch).get("d").state()).isEqualTo(RunState.QUEUED);
    }

    @Test
    void aFailureWithAttemptsLeftIsQueuedAgainAfterTheDelay() {
        Batch batch = enqueueAll();
        Run a = claimOne("a");

        assertThat(store.leases().fail(a, WORKER, "boom", false, 5_000)).isEqualTo(LeaseWriter.FailureOutcome.RETRY_SCHEDULED);

        Run after = byJob(batch).get("a");
        assertThat(after.state()).isEqualTo(RunState.QUEUED);
        assertThat(after.error()).isEqualTo("boom");
        assertThat(store.leases().claim(WORKER, 10, LEASE, null)).extracting(Run::jobName).doesNotContain("a");
        clock.advance(5_000);
        Run again = claimOne("a");
        assertThat(again.attempt()).isEqualTo(2);
    }

    @Test
    void aRunWhoseAttemptsAreUsedUpFailsAndBlocksEveryDownstreamRun() {
        Batch batch = enqueueAll();
        Run a = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            a = claimOne("a");
            store.leases().fail(a, WORKER, "error " + attempt, false, 0);
        }

        Map<String, Run> runs = byJob(batch);
        assertThat(runs.get("a").state()).isEqualTo(RunState.FAILED);
        assertThat(runs.get("a").error()).isEqualTo("error 3");
        assertThat(runs.get("a").attempt()).isEqualTo(3);
        for (String downstream : List.of("b", "c", "d")) {
            assertThat(runs.get(downstream).state()).as(downstream).isEqualTo(RunState.BLOCKED);
            assertThat(runs.get(downstream).blockedBy()).as(downstream).isEqualTo(a.id());
        }
        assertThat(runs.get("e").state()).isEqualTo(RunState.QUEUED);
    }

    @Test
    void aPermanentFailureSkipsTheRemainingAttempts() {
        Batch batch = enqueueAll();

        store.leases().fail(claimOne("a"), WORKER, "No handler registered for job a", true, 0);

        assertThat(byJob(batch).get("a").state()).isEqualTo(RunState.FAILED);
        assertThat(byJob(batch).get("a").attempt()).isEqualTo(1);
    }

    @Test
    void retryingAFailedRunQueuesItAndReturnsBlockedRunsToWaiting() {
        Batch batch = enqueueAll();
        store.leases().fail(claimOne("a"), WORKER, "broken", true, 0);

        List<Run> changed = store.commands().retry(byJob(batch).get("a").id());

        assertThat(changed).extracting(Run::jobName).containsExactly("a", "b", "c", "d");
        Map<String, Run> runs = byJob(batch);
        assertThat(runs.get("a").state()).isEqualTo(RunState.QUEUED);
        assertThat(runs.get("a").error()).isNull();
        assertThat(runs.get("a").maxAttempts()).isEqualTo(4);
        assertThat(runs.get("b").state()).isEqualTo(RunState.WAITING);
        assertThat(runs.get("d").state()).isEqualTo(RunState.WAITING);
        assertThat(runs.get("d").blockedBy()).isNull();

        runToSuccess("a");
        runToSuccess("b");
        runToSuccess("c");
        runToSuccess("d");
        assertThat(byJob(batch).values()).filteredOn(r -> !r.jobName().equals("e"))
                .allSatisfy(r -> assertThat(r.state()).isEqualTo(RunState.SUCCEEDED));
    }

    @Test
    void aRunBlockedByTwoFailuresStaysBlockedWhenOnlyOneIsRetried() {
        Batch batch = enqueueAll();
        runToSuccess("a");
        store.leases().fail(claimOne("b"), WORKER, "b broke", true, 0);
        store.leases().fail(claimOne("c"), WORKER, "c broke", true, 0);
        Map<String, Run> runs = byJob(batch);
        assertThat(runs.get("d").state()).isEqualTo(RunState.BLOCKED);

        store.commands().retry(runs.get("b").id());

        Run d = byJob(batch).get("d");
        assertThat(d.state()).isEqualTo(RunState.BLOCKED);
        assertThat(d.blockedBy()).isEqualTo(runs.get("c").id());
    }

    @Test
    void onlyFailedOrCancelledRunsCanBeRetried() {
        Batch batch = enqueueAll();
        runToSuccess("a");
        String a = byJob(batch).get("a").id();

        assertThatThrownBy(() -> store.commands().retry(a))
                .isInstanceOf(IllegalRunStateException.class)
                .hasMessage("Run " + a + " (a) is succeeded: only failed or cancelled runs can be retried");
        assertThatThrownBy(() -> store.commands().retry("987654"))
                .isInstanceOf(UnknownRunException.class).hasMessage("Unknown run: 987654");
        assertThatThrownBy(() -> store.commands().retry("abc"))
                .isInstanceOf(UnknownRunException.class).hasMessage("Unknown run: abc");
    }

    @Test
    void cancellingAWaitingRunEndsItAtOnceAndBlocksItsDownstream() {
        Batch batch = enqueueAll();
        Run b = byJob(batch).get("b");

        Run cancelled = store.commands().cancel(b.id());

        assertThat(cancelled.state()).isEqualTo(RunState.CANCELLED);
        assertThat(byJob(batch).get("d").state()).isEqualTo(RunState.BLOCKED);
        assertThat(byJob(batch).get("d").blockedBy()).isEqualTo(b.id());
        assertThat(byJob(batch).get("c").state()).isEqualTo(RunState.WAITING);
    }

    @Test
    void cancellingARunningRunAsksItsWorkerToStop() {
        Batch batch = enqueueAll();
        Run a = claimOne("a");

        Run requested = store.commands().cancel(a.id());

        assertThat(requested.state()).isEqualTo(RunState.RUNNING);
        assertThat(requested.cancelRequested()).isTrue();
        assertThat(store.leases().renewLeases(WORKER, List.of(a.id()), LEASE).cancelRequested()).containsExactly(a.id());

        store.leases().cancelled(a, WORKER);
        assertThat(byJob(batch).get("a").state()).isEqualTo(RunState.CANCELLED);
        assertThat(byJob(batch).get("b").state()).isEqualTo(RunState.BLOCKED);
    }

    @Test
    void aCancelledRunCanBeRetried() {
        Batch batch = enqueueAll();
        store.commands().cancel(byJob(batch).get("a").id());

        store.commands().retry(byJob(batch).get("a").id());

        assertThat(byJob(batch).get("a").state()).isEqualTo(RunState.QUEUED);
        assertThat(byJob(batch).get("b").state()).isEqualTo(RunState.WAITING);
    }

    @Test
    void aWorkerThatLostItsLeaseCanNeitherCompleteNorFailTheRun() {
        Batch batch = enqueueAll();
        Run stale = claimOne("a");
        clock.advance(LEASE + 1);

        assertThat(store.leases().reclaimExpired()).isEqualTo(1);
        Run fresh = store.leases().claim("worker-2", 1, LEASE, null).get(0);
        assertThat(fresh.jobName()).isEqualTo("a");
        assertThat(fresh.attempt()).isEqualTo(2);

        assertThatThrownBy(() -> store.leases().succeed(stale, WORKER)).isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> store.leases().fail(stale, WORKER, "late", false, 0)).isInstanceOf(LeaseLostException.class);
        assertThat(byJob(batch).get("a").state()).isEqualTo(RunState.RUNNING);
        assertThat(store.leases().renewLeases(WORKER, List.of(stale.id()), LEASE).held()).isEmpty();

        store.leases().succeed(fresh, "worker-2");
        assertThat(byJob(batch).get("a").state()).isEqualTo(RunState.SUCCEEDED);
    }

    @Test
    void aRenewedLeaseIsNotReclaimed() {
        enqueueAll();
        Run a = claimOne("a");
        clock.advance(LEASE - 1);
        store.leases().renewLeases(WORKER, List.of(a.id()), LEASE);
        clock.advance(LEASE - 1);

        assertThat(store.leases().reclaimExpired()).isZero();
    }

    @Test
    void anExpiredRunWithoutAttemptsLeftFailsWithItsLastError() {
        Batch batch = enqueueAll();
        for (int attempt = 1; attempt <= 2; attempt++) {
            store.leases().fail(claimOne("a"), WORKER, "real error " + attempt, false, 0);
        }
        claimOne("a");
        clock.advance(LEASE + 1);

        store.leases().reclaimExpired();

        Run a = byJob(batch).get("a");
        assertThat(a.state()).isEqualTo(RunState.FAILED);
        assertThat(a.error()).isEqualTo("real error 2");
        assertThat(byJob(batch).get("d").state()).isEqualTo(RunState.BLOCKED);
    }

    @Test
    void aHandedBackRunIsQueuedWithoutUsingAnAttempt() {
        Batch batch = enqueueAll();
        Run a = claimOne("a");

        store.leases().handBack(a, WORKER);

        assertThat(byJob(batch).get("a").state()).isEqualTo(RunState.QUEUED);
        assertThat(byJob(batch).get("a").attempt()).isZero();
    }

    @Test
    void progressIsStoredForTheLeaseHolderOnly() {
        Batch batch = enqueueAll();
        Run a = claimOne("a");

        store.leases().progress(a, WORKER, 3, 10, "three of ten");

        Run stored = byJob(batch).get("a");
        assertThat(stored.progressDone()).isEqualTo(3);
        assertThat(stored.progressTotal()).isEqualTo(10);
        assertThat(stored.progressMessage()).isEqualTo("three of ten");
        assertThatThrownBy(() -> store.leases().progress(a, "intruder", 1, 1, "x")).isInstanceOf(LeaseLostException.class);
    }

    @Test
    void theLogKeepsOnlyTheNewestLines() {
        Batch batch = enqueueAll();
        String id = batch.runs().get(0).id();
        store.log().append(id, List.of("first", "second"));
        List<String> many = IntStream.range(0, RunLog.MAX_LINES + 5)
                .mapToObj(i -> "line " + i).toList();

        store.log().append(id, many);

        List<RunLog.Line> tail = store.log().tail(id, RunLog.MAX_LINES * 2);
        assertThat(tail).hasSize(RunLog.MAX_LINES);
        assertThat(tail.get(tail.size() - 1).text()).isEqualTo("line " + (RunLog.MAX_LINES + 4));
        assertThat(store.log().tail(id, 2)).extracting(RunLog.Line::text)
                .containsExactly("line " + (RunLog.MAX_LINES + 3), "line " + (RunLog.MAX_LINES + 4));
    }

    @Test
    void anIdempotencyKeyReturnsTheFirstBatchForADay() {
        Batch first = enqueuer.enqueue(resolver.resolveAll(), Map.of(), "test", KEY_1);
        Batch repeat = enqueuer.enqueue(resolver.resolveAll(), Map.of(), "test", KEY_1);

        assertThat(repeat.id()).isEqualTo(first.id());
        assertThat(store.reads().countByState().get(RunState.QUEUED) + store.reads().countByState().get(RunState.WAITING))
                .isEqualTo(5);

        clock.advance(BatchWriter.IDEMPOTENCY_MILLIS + 1);
        Batch later = enqueuer.enqueue(resolver.resolveAll(), Map.of(), "test", KEY_1);
        assertThat(later.id()).isNotEqualTo(first.id());
    }

    @Test
    void anIdempotencyKeyBoundToAnotherRequestIsRefusedAndStoresNothing() {
        Batch first = enqueuer.enqueue(resolver.resolveAll(), Map.of(), "test", KEY_1);

        assertThatThrownBy(() -> enqueuer.enqueue(resolver.resolveGroup("g2"), Map.of(), "test",
                new IdempotencyKey("key-1", "fingerprint-of-another-request")))
                .isInstanceOf(IdempotencyKeyReusedException.class)
                .hasMessageContaining("key-1").hasMessageContaining("batch " + first.id());
        assertThat(store.reads().countByState().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);

        clock.advance(BatchWriter.IDEMPOTENCY_MILLIS + 1);
        Batch later = enqueuer.enqueue(resolver.resolveGroup("g2"), Map.of(), "test",
                new IdempotencyKey("key-1", "fingerprint-of-another-request"));
        assertThat(later.id()).as("an expired key is free for any request").isNotEqualTo(first.id());
    }

    @Test
    void queriesFilterByStateBatchAndGroupNewestFirst() {
        Batch first = enqueueAll();
        Batch second = enqueueAll();

        List<Run> queued = store.reads().query(new RunQuery(Set.of(RunState.QUEUED), null, null, null, 100));
        assertThat(queued).hasSize(4).allSatisfy(r -> assertThat(r.state()).isEqualTo(RunState.QUEUED));
        assertThat(Long.parseLong(queued.get(0).id())).isGreaterThan(Long.parseLong(queued.get(3).id()));

        assertThat(store.reads().query(new RunQuery(Set.of(), first.id(), null, null, 100))).hasSize(5);
        assertThat(store.reads().query(new RunQuery(Set.of(), second.id(), "g2", null, 100)))
                .extracting(Run::jobName).containsExactly("d", "c");
        List<Run> page = store.reads().query(RunQuery.all(3));
        assertThat(store.reads().query(new RunQuery(Set.of(), null, null, page.get(2).id(), 100))).hasSize(7);
    }

    @Test
    void theFeedDeliversEachChangeOnce() throws Exception {
        List<Run> seen = new CopyOnWriteArrayList<>();
        try (RunFeed feed = new RunFeed(store, 60_000)) {
            Batch batch = enqueueAll();
            feed.subscribe(seen::addAll);
            feed.poll();
            assertThat(seen).extracting(Run::jobName).containsExactlyInAnyOrder("a", "e", "b", "c", "d");

            clock.advance(10);
            Run a = store.leases().claim(WORKER, 1, LEASE, null).get(0);
            store.leases().succeed(a, WORKER);
            feed.poll();
            feed.poll();

            // The feed's own thread may have polled between the claim and the success: then the
            // running snapshot of a came too. Each (run, version) arrives once, whatever the timing.
            assertThat(seen).extracting(run -> run.id() + "@" + run.version()).doesNotHaveDuplicates();
            Map<String, Run> latest = new HashMap<>();
            seen.forEach(run -> latest.merge(run.id(), run, (x, y) -> x.version() >= y.version() ? x : y));
            assertThat(latest.values()).extracting(Run::jobName, Run::state).contains(
                    org.assertj.core.groups.Tuple.tuple("a", RunState.SUCCEEDED),
                    org.assertj.core.groups.Tuple.tuple("b", RunState.QUEUED),
                    org.assertj.core.groups.Tuple.tuple("c", RunState.QUEUED),
                    org.assertj.core.groups.Tuple.tuple("d", RunState.WAITING));
            assertThat(seen.stream().filter(run -> run.jobName().equals("d"))).hasSize(1);
            assertThat(batch.runs()).hasSize(5);
        }
    }

    @Test
    void idlePollsNeitherRewindNorRepeat() throws Exception {
        List<Run> seen = new CopyOnWriteArrayList<>();
        try (RunFeed feed = new RunFeed(store, 60_000)) {
            enqueueAll();
            feed.subscribe(seen::addAll);
            feed.poll();
            for (int i = 0; i < 10; i++) {
                clock.advance(2_000);
                feed.poll();
                assertThat(feed.position()).as("a position to read on from").isNotNull();
            }

            assertThat(seen).as("each change once, however often an idle feed polls").hasSize(5);
        }
    }

    @Test
    void queuedAndWaitingRunsCannotBeRetried() {
        Batch batch = enqueueAll();
        Map<String, Run> runs = byJob(batch);
        for (String job : List.of("a", "d")) { // queued, waiting
            Run run = runs.get(job);
            assertThatThrownBy(() -> store.commands().retry(run.id()))
                    .isInstanceOf(IllegalRunStateException.class)
                    .hasMessageContaining("only failed or cancelled runs can be retried");
        }
        assertThat(byJob(batch).get("d").state()).isEqualTo(RunState.WAITING);
    }

    @Test
    void whyExplainsWaitingAndBlockedRuns() {
        Batch batch = enqueueAll();
        Run a = claimOne("a");
        Map<String, Run> runs = byJob(batch);
        Map<String, Run> byId = runs.values().stream().collect(Collectors.toMap(Run::id, Function.identity()));

        assertThat(RunExplanation.why(runs.get("b"), byId, clock.millis())).isEqualTo("waiting for a (running)");
        assertThat(RunExplanation.why(runs.get("d"), byId, clock.millis()))
                .isEqualTo("waiting for b (waiting), c (waiting)");

        store.leases().fail(a, WORKER, "disk full", true, 0);
        runs = byJob(batch);
        byId = runs.values().stream().collect(Collectors.toMap(Run::id, Function.identity()));
        assertThat(RunExplanation.why(runs.get("d"), byId, clock.millis())).isEqualTo("blocked: a failed");
        assertThat(RunExplanation.why(runs.get("a"), byId, clock.millis())).isEqualTo("failed after 1 attempt: disk full");
    }
}
