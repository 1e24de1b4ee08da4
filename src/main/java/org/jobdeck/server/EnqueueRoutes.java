package org.jobdeck.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.jobdeck.api.EnqueueRequest;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.PlanRequest;

/**
 * The seed's enqueue endpoints: {@code POST /enqueue-all}, {@code /enqueue-group}
 * ({@code {"group":"feed"}}) and {@code /enqueue} ({@code {"jobs":["feed-presort"]}}), each with
 * optional {@code params} (per job) and {@code requestedBy}. An {@code Idempotency-Key} header
 * makes a repeat within 24 hours return the first response instead of a second batch.
 */
final class EnqueueRoutes {
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    /** Who asked, for a body without requestedBy: the server's own user is not the caller. */
    static final String UNNAMED_REQUESTER = "rest";
    private static final int MAX_KEY_LENGTH = 200;
    private static final int MAX_REQUESTED_BY = 200;

    private final JobsApi api;

    EnqueueRoutes(JobsApi api) {
        this.api = api;
    }

    record AllBody(Map<String, Map<String, Object>> params, String requestedBy) {
    }

    record GroupBody(String group, Map<String, Map<String, Object>> params, String requestedBy) {
    }

    record JobsBody(List<String> jobs, Map<String, Map<String, Object>> params, String requestedBy) {
    }

    void register(RoutesConfig routes) {
        String base = TokenAuth.PROTECTED_PREFIX;
        routes.post(base + "/enqueue-all", ctx -> {
            AllBody body = JsonBodies.read(ctx, AllBody.class);
            enqueue(ctx, PlanRequest.all(), body == null ? null : body.params(),
                    body == null ? null : body.requestedBy());
        });
        routes.post(base + "/enqueue-group", ctx -> {
            GroupBody body = JsonBodies.read(ctx, GroupBody.class);
            if (body == null || body.group() == null || body.group().isBlank()) {
                throw HttpProblem.invalidRequest("Name the group: {\"group\":\"feed\"}");
            }
            enqueue(ctx, PlanRequest.group(body.group()), body.params(), body.requestedBy());
        });
        routes.post(base + "/enqueue", ctx -> {
            JobsBody body = JsonBodies.read(ctx, JobsBody.class);
            if (body == null || body.jobs() == null || body.jobs().isEmpty()
                    || body.jobs().stream().anyMatch(job -> job == null || job.isBlank())) {
                throw HttpProblem.invalidRequest("Name the jobs: {\"jobs\":[\"feed-presort\"]}");
            }
            enqueue(ctx, PlanRequest.jobs(body.jobs()), body.params(), body.requestedBy());
        });
    }

    private void enqueue(Context ctx, PlanRequest selection, Map<String, Map<String, Object>> params,
                         String requestedBy) {
        EnqueueRequest request = new EnqueueRequest(selection, params, requester(requestedBy),
                idempotencyKey(ctx));
        ServerJson.ok(ctx, api.enqueue(request));
    }

    private static String requester(String requestedBy) {
        if (requestedBy == null || requestedBy.isBlank()) {
            return UNNAMED_REQUESTER;
        }
        if (requestedBy.length() > MAX_REQUESTED_BY) {
            throw HttpProblem.invalidRequest("requestedBy is longer than " + MAX_REQUESTED_BY + " characters");
        }
        // It is shown in lists and logs, and PostgreSQL stores no NUL: a name, not control codes.
        if (requestedBy.chars().anyMatch(Character::isISOControl)) {
            throw HttpProblem.invalidRequest("requestedBy must be printable text, without control characters");
        }
        return requestedBy.strip();
    }

    static String idempotencyKey(Context ctx) {
        String key = ctx.header(IDEMPOTENCY_HEADER);
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH
                || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw HttpProblem.invalidRequest(IDEMPOTENCY_HEADER + " must be 1 to " + MAX_KEY_LENGTH
                    + " printable ASCII characters without spaces, e.g. a UUID");
        }
        return key;
    }
}
