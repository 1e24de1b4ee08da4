package org.jobdeck.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer tokens for {@code /api/admin/jobs}: reads accept the admin or the read-only token,
 * everything else needs the admin token. It fails closed: no header, another scheme or a wrong
 * token is 401; the read-only token on a mutation is 403. Tokens are compared as SHA-256
 * digests with {@link MessageDigest#isEqual}, so neither their content nor their length leaks
 * through timing. No token is ever logged or echoed.
 *
 * <p>Every 401 is logged (address, method, path and why, never the token) and counted against
 * the remote address ({@link FailedAuthentications}); an address with too many is answered 429
 * with Retry-After before any token it sends is looked at.
 */
final class TokenAuth {
    static final String PROTECTED_PREFIX = "/api/admin/jobs";
    static final String HEALTH = "/api/admin/health";
    private static final Logger LOG = LoggerFactory.getLogger(TokenAuth.class);

    private final byte[] adminDigest;
    private final byte[] readDigest;
    private final FailedAuthentications failures;

    /**
     * @param readToken null when there is no read-only token
     */
    TokenAuth(String adminToken, String readToken, FailedAuthentications failures) {
        if (adminToken == null || adminToken.isBlank()) {
            throw new IllegalArgumentException("an admin token is required");
        }
        this.adminDigest = digest(adminToken);
        this.readDigest = readToken == null ? null : digest(readToken);
        this.failures = failures;
    }

    /** A before-handler: lets the request through, or throws a 401, 403 or 429 {@link HttpProblem}. */
    void check(Context ctx) {
        if (!isProtected(ctx.path())) {
            return;
        }
        String address = ctx.req().getRemoteAddr();
        Optional<Duration> blocked = failures.blockedFor(address);
        if (blocked.isPresent()) {
            LOG.debug("Refused {} {} from {} unchecked: too many failed authentications", ctx.req().getMethod(),
                    ctx.path(), address);
            throw HttpProblem.tooManyRequests("Too many failed authentications from " + address
                    + ": try again in " + blocked.get().toSeconds() + " s", blocked.get());
        }
        String header = ctx.header("Authorization");
        String token = bearerToken(header);
        if (token == null) {
            throw failed(ctx, address, header == null || header.isBlank() ? "no token" : "not the Bearer scheme",
                    header == null || header.isBlank()
                            ? "Missing token: send Authorization: Bearer <token>"
                            : "Use the Bearer scheme: Authorization: Bearer <token>");
        }
        byte[] presented = digest(token);
        boolean admin = MessageDigest.isEqual(presented, adminDigest);
        boolean reader = readDigest != null && MessageDigest.isEqual(presented, readDigest);
        if (!admin && !reader) {
            throw failed(ctx, address, "wrong token", "The token is not valid for this server");
        }
        // The request line's method, not ctx.method(): that one follows X-HTTP-Method-Override.
        HandlerType method = MethodOverrides.sentMethod(ctx);
        if (!admin && !isRead(method)) {
            throw HttpProblem.forbidden("The read-only token cannot " + method + " "
                    + ctx.path() + ": enqueue, cancel and retry need the admin token");
        }
    }

    private HttpProblem failed(Context ctx, String address, String why, String message) {
        int count = failures.recordFailure(address);
        FailedAuthentications.Policy policy = failures.policy();
        LOG.warn("Failed authentication from {}: {} {} ({}; {} of {} allowed in {} s)", address,
                ctx.req().getMethod(), ctx.path(), why, count, policy.maxFailures(), policy.window().toSeconds());
        return HttpProblem.unauthorized(message);
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

    /** The token of a Bearer header, or null when there is no header or another scheme. */
    private static String bearerToken(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String trimmed = header.strip();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            return null;
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
