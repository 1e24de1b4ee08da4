package org.jobdeck.api;

import java.util.List;

/**
 * Runs as they are after their latest change, in the order the changes committed, and where to
 * read on from: {@code GET /api/admin/jobs/changes?after=POSITION}.
 *
 * @param position the position after these changes, an opaque token: read on from it, or resume
 *                 from it later; each change is read once
 * @param more     true when the page was full: more changes are waiting now
 */
public record RunChangePage(List<RunView> runs, String position, boolean more) {
    public RunChangePage {
        runs = List.copyOf(runs);
    }
}
