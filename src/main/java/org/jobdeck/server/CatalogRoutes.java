package org.jobdeck.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.PlanRequest;

/**
 * The catalog and what an enqueue would run: {@code GET /api/admin/jobs} (jobs and groups),
 * {@code /groups} (as {@code jobdeck groups --json}) and {@code /plan} (as
 * {@code jobdeck plan --json}) with exactly one of {@code ?all=true}, {@code ?group=NAME} or
 * {@code ?job=NAME} (repeatable, or comma-separated).
 */
final class CatalogRoutes {
    private final JobsApi api;

    CatalogRoutes(JobsApi api) {
        this.api = api;
    }

    void register(RoutesConfig routes) {
        routes.get(TokenAuth.PROTECTED_PREFIX, ctx -> ServerJson.ok(ctx, api.catalog()));
        routes.get(TokenAuth.PROTECTED_PREFIX + "/groups", ctx -> ServerJson.ok(ctx, api.groups()));
        routes.get(TokenAuth.PROTECTED_PREFIX + "/plan", ctx -> ServerJson.ok(ctx, api.plan(selection(ctx))));
    }

    static PlanRequest selection(Context ctx) {
        boolean all = "true".equalsIgnoreCase(ctx.queryParam("all"));
        String group = ctx.queryParam("group");
        List<String> jobs = new ArrayList<>();
        for (String value : ctx.queryParams("job")) {
            for (String name : value.split(",")) {
                if (!name.isBlank()) {
                    jobs.add(name.strip());
                }
            }
        }
        int chosen = (all ? 1 : 0) + (group != null ? 1 : 0) + (jobs.isEmpty() ? 0 : 1);
        if (chosen != 1) {
            throw HttpProblem.invalidRequest("Choose exactly one of ?all=true, ?group=NAME or ?job=NAME");
        }
        if (all) {
            return PlanRequest.all();
        }
        return group != null ? PlanRequest.group(group) : PlanRequest.jobs(jobs);
    }
}
