package org.jobdeck.queue.worker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.catalog.JobDefinition;
import org.jobdeck.core.plan.DependencyResolver;
import org.jobdeck.queue.Batch;
import org.jobdeck.queue.Enqueuer;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.RunState;
import org.jobdeck.queue.TestCatalogs;
import org.jobdeck.queue.handler.HandlerRegistry;
import org.jobdeck.queue.store.Database;
import org.jobdeck.queue.store.DatabaseUrl;
import org.jobdeck.queue.store.RunLog;
import org.jobdeck.queue.store.RunStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * Worker pools against a real store: handlers, command jobs as real processes, cancellation,
 * timeouts and graceful shutdown. Run on every store.
 */
public abstract class WorkerPoolContract {
    @TempDir
    Path dir;

    private Database database;
    private RunStore store;
    private final List<WorkerPool> pools = new ArrayList<>();

    protected abstract DatabaseUrl freshDatabase();

    @BeforeEach
    void open() {
        database = Database.open(freshDatabase(), 8);
        store = new RunStore(database, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        pools.forEach(WorkerPool::close);
        database.close();
    }

    private WorkerPool start(JobCatalog catalog, HandlerRegistry handlers, int threads) {
        WorkerPool pool = new WorkerPool(store, catalog, handlers,
                WorkerSettings.defaults(threads).withPoll(50).withLease(30_000, 200)).start();
        pools.add(pool);
        return pool;
    }

    private Batch enqueueAll(JobCatalog catalog) {
        return new Enqueuer(catalog, store).enqueue(new DependencyResolver(catalog).resolveAll(), Map.of(), "test", null);
    }

    private Run run(Batch batch, String job) {
        return store.reads().batch(batch.id()).orElseThrow().runs().stream()
                .filter(r -> r.jobName().equals(job)).findFirst().orElseThrow();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private boolean settled(Batch batch) {
        return store.reads().batch(batch.id()).orElseThrow().runs().stream().allMatch(r -> r.state().isSettled());
    }

    private static JobDefinition command(String name, List<String> deps, List<String> command,
                                         Integer maxAttempts, Integer timeoutSeconds) {
        return new JobDefinition(name, "command " + name, "cmd", deps, Map.of("level", 1), List.of(), command,
                maxAttempts, 0, timeoutSeconds);
    }

    @Test
    void registeredHandlersRunTheBatchAndReportProgressAndLogs() throws Exception {
        JobCatalog catalog = TestCatalogs.diamond();
        HandlerRegistry handlers = new HandlerRegistry();
        for (JobDefinition job : catalog.jobs()) {
            handlers.register(job.name(), context -> {
                context.log("hello from " + context.jobName() + " attempt " + context.attempt());
                context.progress(1, 1, "done");
            });
        }
        Batch batch = enqueueAll(catalog);

        start(catalog, handlers, 4);
        await("the batch to settle", () -> settled(batch));

        Run d = run(batch, "d");
        assertThat(store.reads().batch(batch.id()).orElseThrow().runs())
                .allSatisfy(r -> assertThat(r.state()).isEqualTo(RunState.SUCCEEDED));
        assertThat(d.progressDone()).isEqualTo(1);
        assertThat(d.progressMessage()).isEqualTo("done");
        assertThat(store.log().tail(d.id(), 10)).extracting(RunLog.Line::text).containsExactly("hello from d attempt 1");
    }

    @Test
    void aJobWithoutAHandlerFailsAndSaysSo() throws Exception {
        JobCatalog catalog = TestCatalogs.diamond();
        Batch batch = enqueueAll(catalog);

        start(catalog, new HandlerRegistry(), 2);
        await("the batch to settle", () -> settled(batch));

        Run a = run(batch, "a");
        assertThat(a.state()).isEqualTo(RunState.FAILED);
        assertThat(a.error()).isEqualTo("No handler registered for job a");
        assertThat(a.attempt()).isEqualTo(1);
        assertThat(run(batch, "d").state()).isEqualTo(RunState.BLOCKED);
    }

    @Test
    void aCommandJobGetsItsParamsAndEnvironmentAndItsOutputGoesToTheLog() throws Exception {
        JobCatalog catalog = JobCatalog.of(null, List.of(command("echo", List.of(),
                List.of("sh", "-c", "echo run=$JOBDECK_RUN_ID job=$JOBDECK_JOB_NAME attempt=$JOBDECK_ATTEMPT args=\"$*\"; echo oops >&2", "sh"),
                1, null)));
        Batch batch = enqueueAll(catalog);

        start(catalog, new HandlerRegistry(), 1);
        await("the run to settle", () -> settled(batch));

        Run run = run(batch, "echo");
        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(store.log().tail(run.id(), 10)).extracting(RunLog.Line::text)
                .containsExactlyInAnyOrder("run=" + run.id() + " job=echo attempt=1 args=--level=1", "oops");
    }

    @Test
    void aFailingCommandIsRetriedAndThenSucceeds() throws Exception {
        Path marker = dir.resolve("tried-once");
        JobCatalog catalog = JobCatalog.of(null, List.of(command("flaky", List.of(),
                List.of("sh", "-c", "if [ -f '" + marker + "' ]; then echo second time lucky; "
                        + "else touch '" + marker + "'; echo first try fails >&2; exit 7; fi"), 3, null)));
        Batch batch = enqueueAll(catalog);

        start(catalog, new HandlerRegistry(), 1);
        await("the run to settle", () -> settled(batch));

        Run run = run(batch, "flaky");
        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.attempt()).isEqualTo(2);
        assertThat(store.log().tail(run.id(), 10)).extracting(RunLog.Line::text)
                .containsExactly("first try fails", "second time lucky");
    }

    @Test
    void aCommandThatKeepsFailingFailsWithItsExitCodeAndLastLinesAndBlocksDownstream() throws Exception {
        JobCatalog catalog = JobCatalog.of(null, List.of(
                command("broken", List.of(), List.of("sh", "-c", "echo step 1; echo no such table >&2; exit 3"), 2, null),
                command("after", List.of("broken"), List.of("true"), 1, null)));
        Batch batch = enqueueAll(catalog);

        start(catalog, new HandlerRegistry(), 2);
        await("the batch to settle", () -> settled(batch));

        Run broken = run(batch, "broken");
        assertThat(broken.state()).isEqualTo(RunState.FAILED);
        assertThat(broken.attempt()).isEqualTo(2);
        assertThat(broken.error()).isEqualTo("exit code 3; last output: step 1 | no such table");
        assertThat(run(batch, "after").state()).isEqualTo(RunState.BLOCKED);
        assertThat(run(batch, "after").blockedBy()).isEqualTo(broken.id());
    }

    @Test
    void cancellingARunningCommandDestroysItsProcess() throws Exception {
        Path pidFile = dir.resolve("pid");
        JobCatalog catalog = JobCatalog.of(null, List.of(command("sleeper", List.of(),
                List.of("sh", "-c", "echo $$ > '" + pidFile + "'; exec sleep 60"), 1, null)));
        Batch batch = enqueueAll(catalog);
        start(catalog, new HandlerRegistry(), 1);
        await("the process to start", () -> Files.exists(pidFile) && readPid(pidFile) > 0);
        long pid = readPid(pidFile);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);

        store.commands().cancel(run(batch, "sleeper").id());
        await("the run to be cancelled", () -> settled(batch));

        assertThat(run(batch, "sleeper").state()).isEqualTo(RunState.CANCELLED);
        await("the process to end", () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void aRunPastItsTimeoutIsStoppedAndFails() throws Exception {
        JobCatalog catalog = JobCatalog.of(null, List.of(command("slow", List.of(), List.of("sh", "-c", "exec sleep 30", "sh"), 1, 1)));
        Batch batch = enqueueAll(catalog);

        start(catalog, new HandlerRegistry(), 1);
        await("the run to settle", () -> settled(batch));

        Run run = run(batch, "slow");
        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(run.error()).isEqualTo("timed out after 1.0 s");
        assertThat(run.finishedAt() - run.startedAt()).isLessThan(10_000);
    }

    @Test
    void gracefulShutdownHandsRunningRunsBack() throws Exception {
        JobCatalog catalog = TestCatalogs.diamond();
        CountDownLatch started = new CountDownLatch(1);
        HandlerRegistry handlers = new HandlerRegistry().register("a", context -> {
            started.countDown();
            while (!context.isCancelled()) {
                Thread.sleep(10);
            }
            context.throwIfCancelled();
        });
        Batch batch = enqueueAll(catalog);
        WorkerPool pool = start(catalog, handlers, 1);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        pool.close();

        Run a = run(batch, "a");
        assertThat(a.state()).isEqualTo(RunState.QUEUED);
        assertThat(a.attempt()).isZero();
        assertThat(a.leaseOwner()).isNull();
    }

    @Test
    void aDeadWorkersRunIsReclaimedByAnotherPool() throws Exception {
        JobCatalog catalog = TestCatalogs.diamond();
        Batch batch = enqueueAll(catalog);
        List<Run> orphaned = store.leases().claim("dead-worker", 1, 300, null);
        assertThat(orphaned).extracting(Run::jobName).containsExactly("a");
        HandlerRegistry handlers = new HandlerRegistry();
        catalog.jobs().forEach(job -> handlers.register(job.name(), context -> { }));

        start(catalog, handlers, 2);
        await("the batch to settle", () -> settled(batch));

        Run a = run(batch, "a");
        assertThat(a.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(a.attempt()).isEqualTo(2);
    }

    private static long readPid(Path file) {
        try {
            String text = Files.readString(file).trim();
            return text.isEmpty() ? -1 : Long.parseLong(text);
        } catch (Exception e) {
            return -1;
        }
    }
}
