package org.jobdeck.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * The method is the request line's, nothing else. Javalin's {@code ctx.method()} honours
 * {@code X-HTTP-Method-Override}, and its router follows it: a GET with that header and the admin
 * token enqueued a batch, and a proxy or a CSRF filter that lets GETs through would have let it
 * through. Every override header is refused with 400 before authentication looks at the request,
 * so neither routing nor authorisation can see another method than the one sent.
 */
final class MethodOverrides {
    static final List<String> HEADERS = List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    private MethodOverrides() {
    }

    /** A before-handler, the first: throws a 400 {@link HttpProblem} when an override header is present. */
    static void refuse(Context ctx) {
        for (String header : HEADERS) {
            if (ctx.req().getHeader(header) != null) {
                throw HttpProblem.invalidRequest(header + " is not supported: send "
                        + sentMethod(ctx) + " or the method you mean in the request line");
            }
        }
    }

    /** The method of the request line, whatever the headers say. */
    static HandlerType sentMethod(Context ctx) {
        return HandlerType.findOrDefault(ctx.req().getMethod());
    }
}
