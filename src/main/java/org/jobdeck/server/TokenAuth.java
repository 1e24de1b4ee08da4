package org.jobdeck.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Bearer tokens for {@code /api/admin/jobs}: reads accept the admin or the read-only token,
 * everything else needs the admin token. It fails closed: no header, another scheme or a wrong
 * token is 401; the read-only token on a mutation is 403. Tokens are compared as SHA-256
 * digests with {@link MessageDigest#isEqual}, so neither their content nor their length leaks
 * through timing. No token is ever logged or echoed.
 */
final class TokenAuth {
    static final String PROTECTED_PREFIX = "/api/admin/jobs";
    static final String HEALTH = "/api/admin/health";

    private final byte[] adminDigest;
    private final byte[] readDigest;

    /**
     * @param readToken null when there is no read-only token
     */
    TokenAuth(String adminToken, String readToken) {
        if (adminToken == null || adminToken.isBlank()) {
            throw new IllegalArgumentException("an admin token is required");
        }
        this.adminDigest = digest(adminToken);
        this.readDigest = readToken == null ? null : digest(readToken);
    }

    /** A before-handler: lets the request through, or throws a 401 or 403 {@link HttpProblem}. */
    void check(Context ctx) {
        if (!isProtected(ctx.path())) {
            return;
        }
        byte[] presented = digest(bearerToken(ctx.header("Authorization")));
        boolean admin = MessageDigest.isEqual(presented, adminDigest);
        boolean reader = readDigest != null && MessageDigest.isEqual(presented, readDigest);
        if (!admin && !reader) {
            throw HttpProblem.unauthorized("The token is not valid for this server");
        }
        // The request line's method, not ctx.method(): that one follows X-HTTP-Method-Override.
        HandlerType method = MethodOverrides.sentMethod(ctx);
        if (!admin && !isRead(method)) {
            throw HttpProblem.forbidden("The read-only token cannot " + method + " "
                    + ctx.path() + ": enqueue, cancel and retry need the admin token");
        }
    }

    /**
     * Everything but the health check needs a token, so a route added later, or a path spelt
     * another way, is closed unless someone opens it on purpose.
     */
    static boolean isProtected(String path) {
        return !HEALTH.equals(path);
    }

    private static boolean isRead(HandlerType method) {
        return method == HandlerType.GET || method == HandlerType.HEAD;
    }

    private static String bearerToken(String header) {
        if (header == null || header.isBlank()) {
            throw HttpProblem.unauthorized("Missing token: send Authorization: Bearer <token>");
        }
        String trimmed = header.strip();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            throw HttpProblem.unauthorized("Use the Bearer scheme: Authorization: Bearer <token>");
        }
        return trimmed.substring(space + 1).strip();
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
