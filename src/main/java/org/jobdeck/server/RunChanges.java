package org.jobdeck.server;

import java.util.List;
import org.jobdeck.api.RunView;

/**
 * Where the event streams' run changes come from: the one seam between the streams and the
 * backend ({@link ApiRunChanges}, over {@code JobsApi.changes}). A position is the feed's own
 * token: a stream's event id, exact, so a reader that resumes from one gets every later change
 * and none before it.
 */
interface RunChanges {
    /** The position after every change so far. */
    String head();

    /**
     * The changes after {@code position}, oldest first, at most {@code limit}.
     *
     * @throws org.jobdeck.api.JobsApiException INVALID_REQUEST for a position the backend never gave out
     */
    Page read(String position, int limit);

    /** As above, only up to {@code upTo}: what lies between two readers' positions. */
    Page read(String position, String upTo, int limit);

    /** Runs {@code wake} after runs may have changed. */
    void onChange(Runnable wake);

    /**
     * @param position the position after these changes
     * @param more     true when the page was full: more changes are waiting now
     */
    record Page(List<RunView> runs, String position, boolean more) {
    }
}
