package org.jobdeck.queue.handler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jobdeck.core.catalog.JobDefinition;
import org.jobdeck.core.catalog.JobParams;
import org.jobdeck.core.catalog.ParamKeys;

/**
 * Runs a catalog job's {@code command} as a process: params are appended as {@code --key=value},
 * the environment carries JOBDECK_RUN_ID, JOBDECK_JOB_NAME and JOBDECK_ATTEMPT, and stdout and
 * stderr go to the run log. Exit 0 is success; any other exit fails the attempt with the exit
 * code and the last log lines. A cancelled run's process (and its children) is destroyed.
 *
 * <p>Params are checked at enqueue, and checked again here, because a run's params come from the
 * database and a key becomes part of a program's command line: a key that breaks the key rule, or
 * that the job does not declare, fails the run for good and never reaches the program.
 */
public final class CommandHandler implements JobHandler {
    static final int ERROR_TAIL_LINES = 5;
    private static final long GRACE_MILLIS = 3000;

    private final List<String> command;
    /** The keys the job declares, or null when only the key rule is known. */
    private final Set<String> declared;

    /** A command whose params are held to the key rule only. */
    public CommandHandler(List<String> command) {
        this(command, null);
    }

    private CommandHandler(List<String> command, Set<String> declared) {
        this.command = List.copyOf(command);
        this.declared = declared == null ? null : Set.copyOf(declared);
    }

    /** The job's command, taking only the params the job declares. */
    public static CommandHandler forJob(JobDefinition job) {
        return new CommandHandler(job.command(), JobParams.declared(job).keySet());
    }

    /**
     * The program and its arguments: the command, then {@code --key=value} per param.
     *
     * @throws PermanentJobFailure for a key that breaks the key rule or that the job does not declare
     */
    public List<String> commandLine(Map<String, Object> params) {
        List<String> line = new ArrayList<>(command);
        params.forEach((key, value) -> {
            if (!ParamKeys.isValid(key)) {
                throw new PermanentJobFailure(ParamKeys.invalid(key) + "; not passed to " + command.get(0));
            }
            if (declared != null && !declared.contains(key)) {
                throw new PermanentJobFailure("param " + ParamKeys.quoted(key)
                        + " is not declared by the job; not passed to " + command.get(0));
            }
            line.add("--" + key + "=" + value);
        });
        return line;
    }

    @Override
    public void run(JobContext context) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(commandLine(context.params()))
                .redirectErrorStream(true);
        builder.environment().put("JOBDECK_RUN_ID", context.runId());
        builder.environment().put("JOBDECK_JOB_NAME", context.jobName());
        builder.environment().put("JOBDECK_ATTEMPT", Integer.toString(context.attempt()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new PermanentJobFailure("cannot start " + command.get(0) + ": " + e.getMessage());
        }
        Deque<String> tail = new ArrayDeque<>();
        Thread reader = new Thread(() -> pump(process, context, tail), "jobdeck-output-" + context.runId());
        reader.setDaemon(true);
        reader.start();
        int exit = await(process, context);
        reader.join(GRACE_MILLIS);
        if (exit != 0) {
            String last;
            synchronized (tail) {
                last = String.join(" | ", tail);
            }
            throw new Exception("exit code " + exit + (last.isEmpty() ? "" : "; last output: " + last));
        }
    }

    private static int await(Process process, JobContext context) throws InterruptedException {
        try {
            while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (context.isCancelled()) {
                    destroy(process);
                    throw new JobCancelledException();
                }
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            destroy(process);
            throw e;
        }
    }

    private static void destroy(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private static void pump(Process process, JobContext context, Deque<String> tail) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                context.log(line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > ERROR_TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            context.log("[jobdeck] output closed: " + e.getMessage());
        }
    }
}
