package org.jobdeck.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jobdeck.api.RunView;

/**
 * Prints, from the run feed, one line per attempt that started or ended since it was created:
 * {@code Run 12 (match-scores): succeeded in 1.2 s}. The feed also replays changes from a few
 * seconds back; those are skipped.
 */
final class AttemptReport implements Consumer<List<RunView>>, AutoCloseable {
    private final PrintWriter out;
    private final Instant since = Instant.now();
    private boolean closed;

    AttemptReport(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void accept(List<RunView> runs) {
        if (closed) {
            return; // a delivery already under way when the subscription ended
        }
        for (RunView run : runs) {
            if (isAttemptEvent(run) && !Instant.parse(run.startedAt()).isBefore(since)) {
                out.println(BatchWatch.describe(run));
            }
        }
        out.flush();
    }

    private static boolean isAttemptEvent(RunView run) {
        if (run.startedAt() == null) {
            return false;
        }
        return switch (run.state()) {
            case RUNNING, SUCCEEDED, FAILED, CANCELLED -> true;
            case QUEUED -> run.error() != null; // an attempt failed and will be retried
            default -> false;
        };
    }

    /** After this, nothing more is printed. */
    @Override
    public synchronized void close() {
        closed = true;
    }
}
