package org.jobdeck.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers before Javalin sees the request (a request line it cannot parse, a
 * URI over 8 KiB: 414, headers over 8 KiB: 431, a bad Content-Length: 400), in the server's one
 * error shape instead of Jetty's HTML page. A client reads the same
 * {@code {"error":{"code":…,"message":…}}} whichever layer refused it; a 5xx gets an error id
 * ({@link FailureLog}) and no details.
 */
final class ContainerErrors extends ErrorHandler {
    private static final int MAX_REASON = 200;

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String reason = (String) request.getAttribute(ERROR_MESSAGE);
        Throwable cause = (Throwable) request.getAttribute(ERROR_EXCEPTION);
        if (cause instanceof HttpException http) {
            status = http.getCode();
            reason = reason == null ? http.getReason() : reason;
        }
        if (status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
            status = 400; // "HTTP/9.9" is the client's mistake: a client error, like any request line Jetty refuses
            reason = "HTTP version not supported: use HTTP/1.1";
        } else if (status < 400) {
            status = 500; // an error page for a success: something broke on the way
        }
        response.setStatus(status);
        response.getHeaders().put(ERROR_CACHE_CONTROL);
        // Jetty closes a connection after a request it could not parse (a 414, a bad path) without
        // saying so, and a client that reuses it loses its next request: say so.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        String message = status >= 500
                ? FailureLog.record(status, request.getMethod() + " " + request.getHttpURI().getPath(), cause, reason)
                : message(status, reason);
        byte[] body = ServerJson.write(ServerJson.error(ErrorMapper.codeFor(status), message))
                .getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** Jetty's reason ("URI Too Long", "Invalid Content-Length Value"), kept short and printable. */
    private static String message(int status, String reason) {
        String text = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
        text = text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (text.length() > MAX_REASON) {
            text = text.substring(0, MAX_REASON) + "…";
        }
        return "The server could not read the request (" + status + "): " + text;
    }
}
