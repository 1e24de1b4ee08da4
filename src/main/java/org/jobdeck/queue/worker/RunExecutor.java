package org.jobdeck.queue.worker;

import java.util.Optional;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.catalog.JobDefinition;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.handler.HandlerRegistry;
import org.jobdeck.queue.handler.JobHandler;
import org.jobdeck.queue.handler.PermanentJobFailure;

/** Finds a run's handler and runs it once, turning whatever happens into an {@link Outcome}. */
final class RunExecutor {
    private final JobCatalog catalog;
    private final HandlerRegistry handlers;

    RunExecutor(JobCatalog catalog, HandlerRegistry handlers) {
        this.catalog = catalog;
        this.handlers = handlers;
    }

    Outcome execute(Run run, RunContext context) {
        Optional<JobDefinition> job = catalog.job(run.jobName());
        if (job.isEmpty()) {
            return Outcome.permanentFailure("Job " + run.jobName() + " is not in this worker's catalog");
        }
        Optional<JobHandler> handler = handlers.find(job.get());
        if (handler.isEmpty()) {
            return Outcome.permanentFailure("No handler registered for job " + run.jobName());
        }
        try {
            handler.get().run(context);
            return Outcome.success();
        } catch (PermanentJobFailure e) {
            return Outcome.permanentFailure(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failure("interrupted");
        } catch (Exception | LinkageError | AssertionError e) {
            return Outcome.failure(describe(e));
        }
    }

    /** The exception's own message, or its type and where it was thrown when it has none. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        if (message != null && !message.isBlank()) {
            return message;
        }
        StackTraceElement[] trace = e.getStackTrace();
        return e.getClass().getSimpleName() + (trace.length > 0 ? " at " + trace[0] : "");
    }
}
