package org.jobdeck.queue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jobdeck.core.text.Durations;

/**
 * Why a run is where it is, in one line an operator can act on:
 * "waiting for match-scores (running)", "blocked: build-user-traits failed",
 * "retrying in 8 s (attempt 2 of 3); last error: exit code 1".
 */
public final class RunExplanation {
    private RunExplanation() {
    }

    /**
     * @param related runs by id that this run refers to: its upstream runs and its blocker
     *                (missing ones are named by id)
     */
    public static String why(Run run, Map<String, Run> related, long now) {
        return switch (run.state()) {
            case WAITING -> waiting(run, related);
            case QUEUED -> queued(run, now);
            case RUNNING -> "running: attempt " + run.attempt() + " of " + run.maxAttempts()
                    + (run.leaseOwner() == null ? "" : " on " + run.leaseOwner())
                    + (run.cancelRequested() ? "; cancel requested" : "");
            case SUCCEEDED -> "succeeded in " + duration(run.finishedAt() - run.startedAt())
                    + (run.attempt() > 1 ? " on attempt " + run.attempt() : "");
            case FAILED -> "failed after " + plural(run.attempt(), "attempt") + ": " + run.error();
            case CANCELLED -> run.error() == null ? "cancelled" : run.error();
            case BLOCKED -> blocked(run, related);
        };
    }

    private static String waiting(Run run, Map<String, Run> related) {
        List<String> pending = run.upstream().stream()
                .map(id -> related.get(id))
                .filter(up -> up == null || up.state() != RunState.SUCCEEDED)
                .map(up -> up == null ? "an upstream run" : up.jobName() + " (" + up.state().wireName() + ")")
                .toList();
        return pending.isEmpty() ? "waiting: its upstream runs just succeeded"
                : "waiting for " + String.join(", ", pending);
    }

    private static String queued(Run run, long now) {
        if (run.runAfter() > now) {
            return "retrying in " + duration(run.runAfter() - now) + " (attempt " + (run.attempt() + 1)
                    + " of " + run.maxAttempts() + ")" + (run.error() == null ? "" : "; last error: " + run.error());
        }
        if (run.attempt() > 0 && run.error() != null) {
            return "queued for attempt " + (run.attempt() + 1) + " of " + run.maxAttempts()
                    + "; last error: " + run.error();
        }
        return "queued: ready to run";
    }

    private static String blocked(Run run, Map<String, Run> related) {
        if (run.blockedBy() == null) {
            return "blocked";
        }
        Run blocker = related.get(run.blockedBy());
        if (blocker == null) {
            return "blocked by run " + run.blockedBy();
        }
        return "blocked: " + blocker.jobName() + " " + blocker.state().wireName();
    }

    /** Ids of the runs {@link #why} wants to name, for a bulk lookup. */
    public static List<String> relatedIds(Run run) {
        return switch (run.state()) {
            case WAITING -> run.upstream();
            case BLOCKED -> run.blockedBy() == null ? List.of() : List.of(run.blockedBy());
            default -> List.of();
        };
    }

    public static String duration(long millis) {
        return Durations.format(millis);
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

}
