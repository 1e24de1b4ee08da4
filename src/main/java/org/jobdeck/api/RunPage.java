package org.jobdeck.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One page of runs, newest first, as {@code GET /runs} answers: {@code {"runs":[…],"next":…}}.
 * Readers ignore fields they do not know, so a newer server may add some.
 *
 * @param next the cursor of the next page (the id of this page's oldest run), or null on the last
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunPage(List<RunView> runs, String next) {
    public RunPage {
        runs = List.copyOf(runs);
    }
}
