package org.jobdeck.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Runs as one JSON object, {@code {"runs":[…]}}: what a retry changed (the retried run first,
 * then the downstream runs it unblocked), and each {@code runs} event of the event stream.
 * Readers ignore fields they do not know, so a newer server may add some.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunList(List<RunView> runs) {
    public RunList {
        runs = List.copyOf(runs);
    }
}
