package org.jobdeck.server;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.EndpointNotFound;
import java.util.Locale;
import org.jobdeck.api.JobsApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure becomes one status and one body, {@code {"error":{"code":…,"message":…}}}: the
 * {@link JobsApiException} codes by their wire names, plus the HTTP-level codes
 * (unauthorized, forbidden, payload_too_large, unsupported_media_type, malformed_json,
 * not_found, method_not_allowed, too_many_requests). A 5xx (an unexpected exception, or the API's
 * UNAVAILABLE and SERVER_ERROR) never carries its details: they go to the server log under an
 * error id ({@link FailureLog}), and the client gets the id.
 */
final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    static void handle(Exception e, Context ctx) {
        try {
            answer(e, ctx);
        } catch (RuntimeException gone) {
            // The exchange is over (a client that went away, a server stopping): nobody to answer.
            LOG.debug("Cannot answer {}: {}", e, gone.toString());
        }
    }

    private static void answer(Exception e, Context ctx) {
        if (e instanceof HttpProblem problem) {
            respond(ctx, problem.status(), problem.code(), problem.getMessage());
            if (problem.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"jobdeck\"");
            }
            problem.retryAfter().ifPresent(wait -> ctx.header("Retry-After", Long.toString(wait.toSeconds())));
        } else if (e instanceof JobsApiException api) {
            int status = status(api.code());
            respond(ctx, status, api.code().wireName(), status >= 500 ? hidden(ctx, status, e) : api.getMessage());
        } else if (e instanceof EndpointNotFound) {
            respond(ctx, 404, "not_found", "No such endpoint: " + ctx.method() + " " + ctx.path());
        } else if (e instanceof HttpResponseException http && http.getStatus() == 405) {
            String allowed = http.getDetails().getOrDefault("availableMethods", "");
            respond(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path()
                    + (allowed.isBlank() ? "" : " (use " + allowed.replace(",", ", ") + ")"));
        } else if (e instanceof HttpResponseException http) {
            int status = http.getStatus();
            respond(ctx, status, codeFor(status), status >= 500 ? hidden(ctx, status, e) : http.getMessage());
        } else {
            respond(ctx, 500, "server_error", hidden(ctx, 500, e));
        }
    }

    private static String hidden(Context ctx, int status, Exception e) {
        return FailureLog.record(status, ctx.req().getMethod() + " " + ctx.path(), e, null);
    }

    static int status(JobsApiException.Code code) {
        return switch (code) {
            case UNKNOWN_GROUP, UNKNOWN_JOB, UNKNOWN_RUN, UNKNOWN_SCHEDULE -> 404;
            case INVALID_PARAMS, INVALID_REQUEST -> 400;
            case INVALID_STATE, IDEMPOTENCY_KEY_REUSED -> 409;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case UNAVAILABLE -> 503;
            case INVALID_CATALOG, SERVER_ERROR -> 500;
        };
    }

    /** The code for a status Javalin or Jetty raised itself (405, 413, 414…). */
    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "invalid_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "server_error"
                    : HttpStatus.forStatus(status).name().toLowerCase(Locale.ROOT);
        };
    }

    private static void respond(Context ctx, int status, String code, String message) {
        ServerJson.respond(ctx, status, ServerJson.error(code, message));
    }
}
