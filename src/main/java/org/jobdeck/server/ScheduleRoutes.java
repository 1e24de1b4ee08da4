package org.jobdeck.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jobdeck.api.FireList;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.ScheduleList;
import org.jobdeck.core.schedule.CommandProbe;
import org.jobdeck.core.schedule.Schedule;
import org.jobdeck.core.schedule.ScheduleDefaults;
import org.jobdeck.core.schedule.ScheduleDocument;
import org.jobdeck.core.schedule.ScheduleReader;

/**
 * Schedules: {@code GET /api/admin/schedules}; {@code GET}, {@code PUT} (create or replace; with
 * {@code If-None-Match: *}, create only) and {@code DELETE} on {@code /schedules/{name}};
 * {@code POST /{name}/pause}, {@code /resume}, {@code /run} and {@code /probe};
 * {@code GET /{name}/fires}. A PUT's body is the schedule file's entry, read as strictly as the
 * file is. A schedule whose probe is a command runs that command on the server's machines, so it
 * is refused unless the server was started with {@code --allow-command-probes}.
 */
final class ScheduleRoutes {
    static final String PATH = "/api/admin/schedules";
    private static final int DEFAULT_NEXT = 5;
    private static final int DEFAULT_FIRES = 50;

    private final JobsApi api;
    private final boolean allowCommandProbes;

    ScheduleRoutes(JobsApi api, boolean allowCommandProbes) {
        this.api = api;
        this.allowCommandProbes = allowCommandProbes;
    }

    record PauseBody(String reason, String pausedBy) {
    }

    record RunBody(String requestedBy) {
    }

    void register(RoutesConfig routes) {
        String one = PATH + "/{name}";
        routes.get(PATH, ctx -> ServerJson.ok(ctx, new ScheduleList(api.schedules())));
        routes.get(one, ctx -> ServerJson.ok(ctx, api.schedule(ctx.pathParam("name"), from(ctx),
                RunRoutes.intParam(ctx, "next", DEFAULT_NEXT, 0, 1_000))));
        routes.put(one, ctx -> {
            Schedule schedule = body(ctx);
            boolean createOnly = "*".equals(ctx.header("If-None-Match"));
            ServerJson.ok(ctx, createOnly ? api.createSchedule(schedule) : api.putSchedule(schedule));
        });
        routes.delete(one, ctx -> {
            api.removeSchedule(ctx.pathParam("name"));
            ServerJson.ok(ctx, Map.of("removed", ctx.pathParam("name")));
        });
        routes.post(one + "/pause", ctx -> {
            PauseBody body = JsonBodies.read(ctx, PauseBody.class);
            ServerJson.ok(ctx, api.pauseSchedule(ctx.pathParam("name"),
                    body == null || body.pausedBy() == null ? EnqueueRoutes.UNNAMED_REQUESTER : body.pausedBy(),
                    body == null ? null : body.reason()));
        });
        routes.post(one + "/resume", ctx -> ServerJson.ok(ctx, api.resumeSchedule(ctx.pathParam("name"))));
        routes.post(one + "/run", ctx -> {
            RunBody body = JsonBodies.read(ctx, RunBody.class);
            ServerJson.ok(ctx, api.runSchedule(ctx.pathParam("name"),
                    body == null || body.requestedBy() == null ? EnqueueRoutes.UNNAMED_REQUESTER : body.requestedBy()));
        });
        routes.post(one + "/probe", ctx -> ServerJson.ok(ctx, api.testProbe(body(ctx))));
        routes.get(one + "/fires", ctx -> ServerJson.ok(ctx, new FireList(api.scheduleFires(ctx.pathParam("name"),
                RunRoutes.intParam(ctx, "limit", DEFAULT_FIRES, 1, 10_000)))));
    }

    /** The body as a schedule file entry; its name, if it gives one, must be the path's. */
    private Schedule body(Context ctx) {
        String json = JsonBodies.text(ctx);
        if (json.isBlank()) {
            throw HttpProblem.invalidRequest("Send the schedule as JSON, as `jobdeck schedule export` writes an entry");
        }
        ScheduleDocument document = ScheduleReader.parseOne(json, "the request body",
                ScheduleDefaults.of(EnqueueRoutes.UNNAMED_REQUESTER, Clock.systemUTC()));
        if (!document.isValid()) {
            throw HttpProblem.invalidRequest(document.problems().get(0).message());
        }
        Schedule schedule = document.schedules().get(0);
        if (!schedule.name().value().equals(ctx.pathParam("name"))) {
            throw HttpProblem.invalidRequest("The body names schedule " + schedule.name().value()
                    + ", the path " + ctx.pathParam("name"));
        }
        if (schedule.condition() instanceof CommandProbe && !allowCommandProbes) {
            throw HttpProblem.forbidden("A command probe would run a program on the server's machines: this"
                    + " server refuses them (start it with --allow-command-probes, or use an SQL probe)");
        }
        return schedule;
    }

    private static Instant from(Context ctx) {
        String text = ctx.queryParam("from");
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw HttpProblem.invalidRequest("from must be an ISO-8601 instant such as 2027-03-28T00:00:00Z, got "
                    + text.strip());
        }
    }
}
