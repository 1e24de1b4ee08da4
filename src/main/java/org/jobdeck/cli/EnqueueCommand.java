package org.jobdeck.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jobdeck.api.EnqueueRequest;
import org.jobdeck.api.EnqueueResult;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.RunStatus;
import org.jobdeck.api.RunView;
import org.jobdeck.client.EmbeddedJobsApi;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.queue.worker.WorkerSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jobdeck enqueue}: put a plan's runs on the queue, and optionally work them here. */
@Command(name = "enqueue",
        description = "Enqueue all jobs, a group, or named jobs, with the jobs they depend on.")
final class EnqueueCommand implements Callable<Integer> {
    @ParentCommand
    JobdeckCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    RemoteOptions remote = new RemoteOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    JobSelection selection;

    @Option(names = "--param", paramLabel = "JOB.KEY=VALUE", converter = ParamOverride.Converter.class,
            description = {"Set a param the job declares (in its catalog \"params\" or \"defaultParams\"),"
                    + " typed as declared and checked before anything is stored; repeatable.",
                    "JOB.KEY=VALUE splits at the first '.' and the first '=', so KEY may hold a '.' (a.b)"
                    + " and VALUE anything; a job whose name holds a '.' takes params over REST or in the console."})
    List<ParamOverride> params = new ArrayList<>();

    @Option(names = "--json", description = "Print the enqueue result as JSON.")
    boolean json;

    @Option(names = "--wait", description = "Work the batch in this process (with --server: wait for the"
            + " server's workers) until every run is settled; exit 1 unless all succeeded.")
    boolean waitForBatch;

    @Option(names = "--workers", paramLabel = "N",
            description = "Handler threads for --wait (default: number of cores).")
    Integer workers;

    @Override
    public Integer call() throws InterruptedException {
        RemoteOptions.Remote server = remote.resolve(root);
        if (server != null && workers != null) {
            throw new UserError("--workers needs the embedded queue: with --server, the server's workers"
                    + " run the batch", ExitCodes.USAGE);
        }
        if (workers != null && workers < 1) {
            throw new UserError("--workers must be at least 1, got " + workers, ExitCodes.USAGE);
        }
        if (waitForBatch && server == null) {
            ShortRunJit.apply(); // this process works the batch, then ends
        }
        JobCatalog catalog = server == null ? root.catalog() : null;
        Map<String, Map<String, Object>> overrides = catalog == null ? null : ParamOverride.typed(params, catalog);
        EmbeddedJobsApi embedded = server == null ? Backends.open(root) : null; // this process works the batch
        try (JobsApi api = embedded != null ? embedded : server.open()) {
            if (overrides == null) {
                overrides = ParamOverride.typed(params, api.catalog().toCatalog()); // typed as the server's catalog
            }
            EnqueueResult result = api.enqueue(
                    EnqueueRequest.of(selection.request(), null).withParams(overrides));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Json.print(out, result);
            } else {
                printSummary(out, result);
            }
            out.flush();
            if (!waitForBatch) {
                return ExitCodes.OK;
            }
            PrintWriter progress = json ? spec.commandLine().getErr() : out;
            return embedded != null ? work(embedded, result.batchId(), progress)
                    : watch(api, result.batchId(), progress);
        }
    }

    private static void printSummary(PrintWriter out, EnqueueResult result) {
        out.println("Enqueued " + result.count() + (result.count() == 1 ? " run" : " runs")
                + (result.group() == null ? "" : " for group " + result.group())
                + " as batch " + result.batchId());
        out.println();
        TextTable table = new TextTable("RUN", "JOB", "GROUP").alignRight(0);
        result.jobs().forEach(job -> table.row(job.jobRunId(), job.jobName(), job.group()));
        table.print(out);
    }

    /** Against a server: its workers run the batch, this process only polls it until settled. */
    private static int watch(JobsApi api, String batchId, PrintWriter progress) throws InterruptedException {
        return finish(new BatchWatch(api, batchId).awaitSettled(progress), progress);
    }

    private int work(EmbeddedJobsApi api, String batchId, PrintWriter progress) throws InterruptedException {
        BatchWatch watch = new BatchWatch(api, batchId);
        int threads = workers == null ? LocalWorkers.defaultConcurrency() : workers;
        List<RunView> settled;
        LocalWorkers pool = new LocalWorkers(api, WorkerSettings.defaults(threads).withBatch(batchId));
        try {
            settled = watch.awaitSettled(progress);
        } catch (RuntimeException e) {
            if (pool.stoppedByShutdown()) {
                return ExitCodes.FAILED;
            }
            throw e;
        } finally {
            pool.close();
        }
        return finish(settled, progress);
    }

    private static int finish(List<RunView> settled, PrintWriter progress) {
        progress.println(BatchWatch.summary(settled));
        progress.flush();
        boolean allSucceeded = settled.stream().allMatch(run -> run.state() == RunStatus.SUCCEEDED);
        return allSucceeded ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
