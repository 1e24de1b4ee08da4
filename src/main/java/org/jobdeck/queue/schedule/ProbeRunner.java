package org.jobdeck.queue.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.jobdeck.core.schedule.ChangeProbe;
import org.jobdeck.core.schedule.CommandProbe;
import org.jobdeck.core.schedule.SqlProbe;
import org.jobdeck.queue.QueueException;
import org.jobdeck.queue.store.ScheduleFiring.ProbeResult;
import org.jobdeck.queue.store.ScheduleStore;

/**
 * Runs an only-if-changed probe and returns its fingerprint: an SQL probe's first row, read-only,
 * on the queue's database; a command's standard output (its argv run directly, no shell). A long
 * result is kept as its SHA-256. A probe that fails, exits non-zero or overruns its timeout gives
 * its error instead: the slot is then recorded as failed, never enqueued blindly.
 */
public final class ProbeRunner {
    /** A fingerprint longer than this is kept as its digest (the column holds 4,000). */
    static final int MAX_FINGERPRINT = 1_000;
    private static final int MAX_OUTPUT = 1 << 20;

    private final ScheduleStore store;

    public ProbeRunner(ScheduleStore store) {
        this.store = store;
    }

    public ProbeResult run(ChangeProbe probe) {
        try {
            String result = probe instanceof SqlProbe sql ? store.probe(sql.sql(), (int) sql.timeout().toSeconds())
                    : command((CommandProbe) probe);
            return ProbeResult.of(fingerprint(result));
        } catch (QueueException | ProbeFailure e) {
            return ProbeResult.failed(oneLine(e.getMessage()));
        }
    }

    private static String command(CommandProbe probe) {
        Process process;
        try {
            process = new ProcessBuilder(probe.argv()).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new ProbeFailure("cannot start " + probe.argv().get(0) + ": " + e.getMessage());
        }
        try (InputStream out = process.getInputStream()) {
            process.getOutputStream().close();
            OutputReader reader = new OutputReader(out, MAX_OUTPUT);
            reader.start();
            if (!process.waitFor(probe.timeout().toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new ProbeFailure("timed out after " + probe.timeout().toSeconds() + " s");
            }
            reader.join(TimeUnit.SECONDS.toMillis(5));
            if (process.exitValue() != 0) {
                throw new ProbeFailure("exit code " + process.exitValue());
            }
            return reader.text().strip();
        } catch (IOException e) {
            throw new ProbeFailure("cannot read its output: " + e.getMessage());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ProbeFailure("interrupted");
        }
    }

    static String fingerprint(String result) {
        if (result.length() <= MAX_FINGERPRINT) {
            return result;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(result.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String oneLine(String message) {
        String line = message == null ? "failed" : message.lines().findFirst().orElse("failed");
        return line.length() <= 500 ? line : line.substring(0, 499) + "…";
    }

    /** A probe that did not give a result. */
    private static final class ProbeFailure extends RuntimeException {
        ProbeFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads a process's output on its own thread, so a chatty probe cannot block on a full pipe. */
    private static final class OutputReader extends Thread {
        private final InputStream in;
        private final int max;
        private volatile String text = "";

        OutputReader(InputStream in, int max) {
            super("jobdeck-probe-output");
            setDaemon(true);
            this.in = in;
            this.max = max;
        }

        @Override
        public void run() {
            try {
                text = new String(in.readNBytes(max), StandardCharsets.UTF_8);
                in.transferTo(OutputStream.nullOutputStream()); // past the bound: drained, not kept
            } catch (IOException closed) {
                // the process was killed: what was read stands
            }
        }

        String text() {
            return text;
        }
    }
}
