package org.jobdeck.api;

import java.util.List;

/** A run with the tail of its log. */
public record RunDetail(RunView run, List<LogLine> log) {
    public RunDetail {
        log = List.copyOf(log);
    }

    /** One log line; {@code at} is an ISO-8601 instant. */
    public record LogLine(long seq, String at, String line) {
    }
}
