package org.jobdeck.queue.store;

import java.util.List;
import org.jobdeck.queue.Run;

/**
 * Runs as they are after their latest change, in commit order, and where to read on from.
 *
 * @param position the position after these changes: read on from it, or resume from it later
 * @param more     true when the page was full: more changes are waiting now
 */
public record ChangePage(List<Run> runs, String position, boolean more) {
    public ChangePage {
        runs = List.copyOf(runs);
    }
}
