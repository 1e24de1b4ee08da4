package org.jobdeck.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.RunFilter;
import org.jobdeck.api.RunList;
import org.jobdeck.api.RunPage;
import org.jobdeck.api.RunView;

/**
 * Runs: {@code GET /runs} (newest first, paged), {@code GET /runs/{id}} (with the log tail and
 * why), {@code POST /runs/{id}/cancel}, {@code POST /runs/{id}/retry} and {@code GET /counts}.
 *
 * <p>Paging: {@code ?limit=N} (1 to 10000, default 100) runs newest first; the answer's
 * {@code next} is a cursor (the id of the page's last, oldest run) or null on the last page;
 * {@code ?after=CURSOR} returns the page that follows it, i.e. runs older than that id.
 *
 * <p>Changes: {@code GET /changes?after=POSITION&limit=N} (1 to 10000, default 1000) returns the
 * runs changed after that position, in commit order, and the position to read on from; without
 * {@code after}, no runs and the position after every change so far; with {@code upTo}, only up to
 * that position.
 */
final class RunRoutes {
    static final int DEFAULT_LIMIT = 100;
    static final int DEFAULT_LOG_LINES = 200;
    static final int DEFAULT_CHANGES = 1_000;
    /** Ids are positive longs: 18 digits always fit. */
    static final int MAX_ID_DIGITS = 18;

    private final JobsApi api;

    RunRoutes(JobsApi api) {
        this.api = api;
    }

    void register(RoutesConfig routes) {
        String runs = TokenAuth.PROTECTED_PREFIX + "/runs";
        routes.get(runs, ctx -> ServerJson.ok(ctx, page(ctx)));
        routes.get(runs + "/{id}", ctx -> ServerJson.ok(ctx,
                api.run(ctx.pathParam("id"), intParam(ctx, "log", DEFAULT_LOG_LINES, 0, RunFilter.MAX_LIMIT))));
        routes.post(runs + "/{id}/cancel", ctx -> ServerJson.ok(ctx, api.cancel(ctx.pathParam("id"))));
        routes.post(runs + "/{id}/retry", ctx -> ServerJson.ok(ctx, new RunList(api.retry(ctx.pathParam("id")))));
        routes.get(TokenAuth.PROTECTED_PREFIX + "/counts", ctx -> ServerJson.ok(ctx, api.counts()));
        routes.get(TokenAuth.PROTECTED_PREFIX + "/changes", ctx -> ServerJson.ok(ctx, api.changes(
                blankToNull(ctx.queryParam("after")), blankToNull(ctx.queryParam("upTo")),
                intParam(ctx, "limit", DEFAULT_CHANGES, 1, JobsApi.MAX_CHANGES))));
    }

    private RunPage page(Context ctx) {
        int limit = intParam(ctx, "limit", DEFAULT_LIMIT, 1, RunFilter.MAX_LIMIT);
        int fetch = Math.min(limit + 1, RunFilter.MAX_LIMIT); // one more tells whether a next page exists
        RunFilter filter = new RunFilter(listParam(ctx, "state"), idParam(ctx, "batch"),
                blankToNull(ctx.queryParam("group")), idParam(ctx, "after"), fetch);
        List<RunView> found = api.runs(filter);
        boolean more = found.size() > limit || (fetch == limit && found.size() == limit);
        List<RunView> page = found.size() > limit ? found.subList(0, limit) : found;
        return new RunPage(page, more && !page.isEmpty() ? page.get(page.size() - 1).jobRunId() : null);
    }

    static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw HttpProblem.invalidRequest(name + " must be a whole number from " + min + " to " + max
                + ", got " + shorten(text));
    }

    /**
     * A batch or run id in the query: a filter, so one that cannot be an id is a malformed
     * request (400), where an id in the path names a resource that does not exist (404).
     */
    static String idParam(Context ctx, String name) {
        String text = blankToNull(ctx.queryParam(name));
        if (text == null) {
            return null;
        }
        if (text.length() > MAX_ID_DIGITS || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw HttpProblem.invalidRequest(name + " must be an id, a whole number of up to "
                    + MAX_ID_DIGITS + " digits, got " + shorten(text));
        }
        return text;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? "'" + text + "'" : "'" + text.substring(0, 40) + "…' (" + text.length() + " characters)";
    }

    /** {@code ?state=failed&state=blocked} or {@code ?state=failed,blocked}. */
    static List<String> listParam(Context ctx, String name) {
        List<String> values = new ArrayList<>();
        for (String value : ctx.queryParams(name)) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        return values;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
