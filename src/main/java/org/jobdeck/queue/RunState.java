package org.jobdeck.queue;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The states of a run, and the one table of moves between them. Every store update names its
 * allowed source states from this table, so an illegal move cannot be written.
 */
public enum RunState {
    /** An upstream run has not succeeded yet. */
    WAITING,
    /** Ready to be claimed (possibly not before a retry delay). */
    QUEUED,
    RUNNING,
    SUCCEEDED,
    /** Its attempts are used up. */
    FAILED,
    CANCELLED,
    /** An upstream run failed or was cancelled; the run records which one. */
    BLOCKED;

    private static final Map<RunState, Set<RunState>> NEXT = new EnumMap<>(RunState.class);

    static {
        NEXT.put(WAITING, EnumSet.of(QUEUED, BLOCKED, CANCELLED));
        NEXT.put(QUEUED, EnumSet.of(RUNNING, CANCELLED));
        NEXT.put(RUNNING, EnumSet.of(SUCCEEDED, FAILED, CANCELLED, QUEUED));
        NEXT.put(SUCCEEDED, EnumSet.noneOf(RunState.class));
        NEXT.put(FAILED, EnumSet.of(QUEUED));
        NEXT.put(CANCELLED, EnumSet.of(QUEUED));
        NEXT.put(BLOCKED, EnumSet.of(WAITING, CANCELLED));
    }

    public boolean canMoveTo(RunState next) {
        return NEXT.get(this).contains(next);
    }

    /** The states from which a run may move to {@code target}. */
    public static Set<RunState> sourcesOf(RunState target) {
        Set<RunState> sources = EnumSet.noneOf(RunState.class);
        for (RunState state : values()) {
            if (state.canMoveTo(target)) {
                sources.add(state);
            }
        }
        return sources;
    }

    /** Nothing more happens to a settled run without an operator: it ended, or it is blocked. */
    public boolean isSettled() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == BLOCKED;
    }

    /** An operator may retry a run that ended badly: failed or cancelled, nothing else. */
    public boolean canRetry() {
        return blocksDownstream();
    }

    /** A run that ended badly, and so blocks the runs downstream of it. */
    public boolean blocksDownstream() {
        return this == FAILED || this == CANCELLED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a lowercase state name, with an error that lists the valid ones. */
    public static RunState parse(String text) {
        for (RunState state : values()) {
            if (state.wireName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return state;
            }
        }
        throw new IllegalArgumentException("Unknown run state: " + text + " (states: "
                + Arrays.stream(values()).map(RunState::wireName).collect(Collectors.joining(", ")) + ")");
    }

    /** This state as an SQL literal, e.g. {@code 'queued'}. */
    public String sql() {
        return "'" + wireName() + "'";
    }

    /** SQL literal list such as {@code 'waiting','queued'}, for IN clauses. */
    public static String sqlList(Set<RunState> states) {
        return states.stream().map(s -> "'" + s.wireName() + "'").collect(Collectors.joining(","));
    }
}
