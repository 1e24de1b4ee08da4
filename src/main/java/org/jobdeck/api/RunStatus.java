package org.jobdeck.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A run's state as the faces see it, with what an operator may do in it. JSON and the command
 * line write it in lowercase ({@code "queued"}). The queue keeps its own table of moves
 * ({@code queue.RunState}, which the api may not see); the client maps one onto the other by
 * name, and a test holds the two to the same names and the same cancel and retry rules.
 */
public enum RunStatus {
    /** An upstream run has not succeeded yet. */
    WAITING,
    /** Ready to be claimed (possibly not before a retry delay). */
    QUEUED,
    RUNNING,
    SUCCEEDED,
    /** Its attempts are used up. */
    FAILED,
    CANCELLED,
    /** An upstream run failed or was cancelled. */
    BLOCKED;

    /** Nothing more happens to a settled run without an operator: it ended, or it is blocked. */
    public boolean isSettled() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == BLOCKED;
    }

    /** Not settled yet: waiting for its upstream runs, queued or running. */
    public boolean isActive() {
        return !isSettled();
    }

    /** A cancel stops an active run and keeps a blocked one from ever running. */
    public boolean canCancel() {
        return isActive() || this == BLOCKED;
    }

    /** A retry gives a run that ended badly a fresh set of attempts. */
    public boolean canRetry() {
        return this == FAILED || this == CANCELLED;
    }

    /** The lowercase name, as JSON and the command line write it. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The wire name, so that text built from a state reads as the JSON does. */
    @Override
    public String toString() {
        return wireName();
    }

    /**
     * Parses a state name, in any case, with an error that lists the valid ones.
     *
     * @throws IllegalArgumentException for a name that is no state
     */
    public static RunStatus parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (RunStatus state : values()) {
            if (state.wireName().equals(wanted)) {
                return state;
            }
        }
        throw new IllegalArgumentException("Unknown run state: " + text + " (states: "
                + Arrays.stream(values()).map(RunStatus::wireName).collect(Collectors.joining(", ")) + ")");
    }
}
