package org.jobdeck.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code jobdeck} command in a JVM of its own, as an operator starts it: the test's class
 * path, a scratch Jobdeck home, its output in a log file. {@link #kill()} is SIGKILL.
 */
final class JobdeckJvm implements AutoCloseable {
    private static final List<String> HEADLESS_FX = List.of("-Dglass.platform=Monocle",
            "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true",
            "-Dheadless.geometry=1280x800-32");

    private final Process process;
    private final Path log;

    private JobdeckJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** {@code jobdeck ARGS…} with {@code JOBDECK_HOME=home}, output to {@code log}. */
    static JobdeckJvm start(Path home, Path log, List<String> args) throws IOException {
        return start(home, log, List.of(), args, Map.of());
    }

    /** The console, headless (Monocle), on the embedded default in {@code home}. */
    static JobdeckJvm console(Path home, Path log) throws IOException {
        return start(home, log, HEADLESS_FX, List.of("ui"), Map.of());
    }

    static JobdeckJvm start(Path home, Path log, List<String> jvmOptions, List<String> args,
                            Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.jobdeck.cli.Main"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("JOBDECK_DB");
        builder.environment().remove("JOBDECK_DB_PASSWORD");
        builder.environment().put("JOBDECK_HOME", home.toString());
        builder.environment().putAll(environment);
        return new JobdeckJvm(builder.start(), log);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Waits until the output holds {@code text}; fails with the output if the process ends first. */
    String awaitOutput(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String output = output();
            if (output.contains(text)) {
                return output;
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' from jobdeck (" + (process.isAlive() ? "still running"
                        : "exit " + process.exitValue()) + "); output:\n" + output);
            }
            Thread.sleep(10);
        }
    }

    /** Waits for the process to end by itself; returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new AssertionError("jobdeck did not end in " + timeout + "; output:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL, and wait until the process is gone: nothing it had not written survives. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
