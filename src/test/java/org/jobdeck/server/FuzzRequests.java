package org.jobdeck.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The fuzz test's requests: each endpoint's valid request, then its method, path, query,
 * headers and body mutated by a seeded {@link Random}, so a seed replays the same requests.
 * Some are sent as raw bytes ({@link #raw}), for what java.net.http refuses to send.
 */
final class FuzzRequests {
    /** One endpoint and a valid request to it, the starting point of every mutation. */
    record Endpoint(String method, String path, String query, String body) {
        boolean isEvents() {
            return path.endsWith("/events");
        }
    }

    /** A request to send. {@code headers} alternate name and value. */
    record Request(Endpoint endpoint, String method, String target, List<String> headers, byte[] body) {
        String describe() {
            String text = body == null ? "" : new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
            return method + " " + (target.length() > 200 ? target.substring(0, 200) + "…" : target)
                    + " headers=" + headers.stream().map(h -> h.length() > 80 ? h.substring(0, 80) + "…" : h).toList()
                    + " body(" + (body == null ? "none" : body.length + " bytes") + ")=" + text;
        }
    }

    static final String PREFIX = "/api/admin/jobs";
    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/admin/health", "", null),
            new Endpoint("GET", PREFIX, "", null),
            new Endpoint("GET", PREFIX + "/groups", "", null),
            new Endpoint("GET", PREFIX + "/plan", "group=feed", null),
            new Endpoint("POST", PREFIX + "/enqueue-all", "", "{\"params\":{\"feed-presort\":{\"userId\":8}},\"requestedBy\":\"fuzz\"}"),
            new Endpoint("POST", PREFIX + "/enqueue-group", "", "{\"group\":\"feed\",\"params\":{\"feed-presort\":{\"batchSize\":10}}}"),
            new Endpoint("POST", PREFIX + "/enqueue", "", "{\"jobs\":[\"feed-presort\",\"trending\"],\"requestedBy\":\"fuzz\"}"),
            new Endpoint("GET", PREFIX + "/runs", "limit=5&state=queued&group=feed", null),
            new Endpoint("GET", PREFIX + "/runs/{id}", "log=5", null),
            new Endpoint("POST", PREFIX + "/runs/{id}/cancel", "", null),
            new Endpoint("POST", PREFIX + "/runs/{id}/retry", "", null),
            new Endpoint("GET", PREFIX + "/counts", "", null),
            new Endpoint("GET", PREFIX + "/events", "", null));

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS",
            "TRACE", "BREW", "get", "QUERY");
    private static final List<String> QUERY_NAMES = List.of("limit", "after", "batch", "state", "group", "job", "all",
            "log", "lastEventId", "x", "");
    private static final List<String> QUERY_VALUES = List.of("abc", "-1", "0", "1", "10001", "99999999999999999999",
            "1e3", " ", "feed", "queued,failed", "sleeping", "true", "TRUE", "%00", "%zz", "%C3%A9", "%ED%A0%80",
            "../../etc", "1;DROP TABLE jd_run", "'\"", "*");
    private static final List<String> IDS = List.of("1", "2", "17", "0", "-1", "abc", "99999999999999999999",
            "%00", "%2e%2e", "%C3%A9", "1.5", " 1", "%20", "1%2F2");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "APPLICATION/JSON", "text/plain", "application/jsonx", "application/json; charset=bogus",
            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "*/*", "");

    private final Random random;
    private final JsonMutator bodies;
    private final String adminToken;
    private final String readToken;
    private final int maxRunId;

    FuzzRequests(Random random, List<String> jobs, String adminToken, String readToken, int maxRunId) {
        this.random = random;
        this.bodies = new JsonMutator(random, jobs);
        this.adminToken = adminToken;
        this.readToken = readToken;
        this.maxRunId = maxRunId;
    }

    /** The next request, for the endpoint at {@code index} in {@link #ENDPOINTS}. */
    Request next(int index) {
        Endpoint endpoint = ENDPOINTS.get(index);
        String method = random.nextInt(10) < 8 ? endpoint.method() : bodies.pick(METHODS);
        String path = endpoint.path().replace("{id}", random.nextInt(3) == 0 ? bodies.pick(IDS)
                : Integer.toString(1 + random.nextInt(maxRunId)));
        if (random.nextInt(15) == 0) {
            path = mutatePath(path);
        }
        String query = random.nextInt(3) == 0 ? mutateQuery(endpoint.query()) : endpoint.query();
        List<String> headers = headers(endpoint, method);
        byte[] body = endpoint.body() == null
                ? (random.nextInt(8) == 0 ? bodies.mutate("{\"group\":\"feed\"}") : null)
                : (random.nextInt(10) < 7 ? bodies.mutate(endpoint.body()) : endpoint.body().getBytes(StandardCharsets.UTF_8));
        if (body != null && random.nextInt(12) == 0) {
            body = new byte[0];
        }
        String target = query.isEmpty() ? path : path + "?" + query;
        if (mayStream(endpoint, path, method)) {
            // The stream's own behaviour is another change's: here it gets only what it must refuse.
            replaceHeader(headers, "Authorization", random.nextBoolean() ? null : "Bearer not-" + adminToken);
        }
        return new Request(endpoint, method, target, headers, body);
    }

    private boolean mayStream(Endpoint endpoint, String path, String method) {
        return (endpoint.isEvents() || path.contains("events"))
                && (method.equals("GET") || method.equals("HEAD") || method.equals("get"));
    }

    private String mutatePath(String path) {
        return switch (random.nextInt(6)) {
            case 0 -> path + "/";
            case 1 -> path + "/" + bodies.pick(IDS);
            case 2 -> path.replace("/api/admin/jobs", "/api/admin/jobs/");
            case 3 -> path.toUpperCase(Locale.ROOT);
            case 4 -> path + "/" + "z".repeat(random.nextInt(3000));
            default -> path.substring(0, 1 + random.nextInt(path.length()));
        };
    }

    private String mutateQuery(String query) {
        List<String> parts = new ArrayList<>(query.isEmpty() ? List.of() : List.of(query.split("&")));
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            String name = bodies.pick(QUERY_NAMES);
            String value = random.nextInt(6) == 0 ? encode("x".repeat(random.nextInt(10_000)))
                    : random.nextBoolean() ? bodies.pick(QUERY_VALUES) : Integer.toString(random.nextInt(40) - 5);
            if (!parts.isEmpty() && random.nextInt(3) == 0) {
                parts.remove(random.nextInt(parts.size()));
            } else {
                parts.add(name + (random.nextInt(8) == 0 ? "" : "=" + value));
            }
        }
        return String.join("&", parts);
    }

    private List<String> headers(Endpoint endpoint, String method) {
        List<String> headers = new ArrayList<>();
        int auth = random.nextInt(100);
        String authorization = auth < 55 ? "Bearer " + adminToken
                : auth < 70 ? "Bearer " + readToken
                : auth < 78 ? null
                : auth < 86 ? "Bearer wrong-" + random.nextInt(1000)
                : bodies.pick(List.of("Basic " + adminToken, "Bearer", "Bearer  " + adminToken + " ", "bearer " + adminToken,
                "Bearer " + "t".repeat(5000), "Token " + adminToken, "Bearer " + adminToken + "x"));
        add(headers, "Authorization", authorization);
        if (endpoint.body() != null || method.equals("POST")) {
            add(headers, "Content-Type", random.nextInt(10) < 7 ? "application/json" : bodies.pick(CONTENT_TYPES));
        }
        int idempotency = random.nextInt(10);
        if (idempotency < 3) {
            add(headers, "Idempotency-Key", bodies.pick(List.of("fuzz-key-1", "fuzz-key-2", "two words", "k".repeat(201),
                    "", "fuzz-" + random.nextInt(1_000_000))));
        }
        if (random.nextInt(40) == 0) {
            add(headers, bodies.pick(MethodOverrides.HEADERS), bodies.pick(METHODS));
        }
        if (random.nextInt(10) == 0) {
            add(headers, "Accept", bodies.pick(List.of("text/event-stream", "text/html", "*/*", "application/xml", "")));
        }
        if (random.nextInt(15) == 0) {
            add(headers, "Last-Event-ID", bodies.pick(List.of("0", "-1", "abc", "9223372036854775807",
                    "-9223372036854775808", "99999999999999999999", "")));
        }
        if (random.nextInt(25) == 0) {
            add(headers, "X-Fuzz-" + random.nextInt(100), "v".repeat(random.nextInt(20_000)));
        }
        return headers;
    }

    private static void add(List<String> headers, String name, String value) {
        if (value != null) {
            headers.add(name);
            headers.add(value);
        }
    }

    private static void replaceHeader(List<String> headers, String name, String value) {
        for (int i = 0; i < headers.size(); i += 2) {
            if (headers.get(i).equalsIgnoreCase(name)) {
                headers.remove(i);
                headers.remove(i);
                i -= 2;
            }
        }
        add(headers, name, value);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The head of {@code request} as raw HTTP/1.1, asking for 100 Continue before its body. */
    byte[] headExpectingContinue(Request request) {
        StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.target())
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (int i = 0; i < request.headers().size(); i += 2) {
            head.append(request.headers().get(i)).append(": ").append(request.headers().get(i + 1)).append("\r\n");
        }
        head.append("Content-Length: ").append(request.body().length)
                .append("\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A request written out as raw HTTP/1.1, with one of the defects a library would not send. */
    byte[] raw(Request request) {
        StringBuilder head = new StringBuilder();
        String target = request.target();
        int defect = random.nextInt(10);
        head.append(defect == 0 ? "" : request.method()).append(' ')
                .append(defect == 1 ? target.replace("?", "?\u00e9%%") : target)
                .append(defect == 2 ? " HTTP/9.9" : " HTTP/1.1").append("\r\n");
        if (defect != 3) {
            head.append("Host: 127.0.0.1\r\n");
        }
        for (int i = 0; i < request.headers().size(); i += 2) {
            head.append(request.headers().get(i)).append(": ").append(request.headers().get(i + 1)).append("\r\n");
        }
        byte[] body = request.body() == null ? new byte[0] : request.body();
        switch (defect) {
            case 4 -> head.append("Content-Length: ").append(body.length + 1 + random.nextInt(100)).append("\r\n");
            case 5 -> head.append("Content-Length: abc\r\n");
            case 6 -> head.append("Content-Length: ").append(body.length).append("\r\nContent-Length: 1\r\n");
            case 7 -> head.append("Transfer-Encoding: chunked\r\n");
            case 8 -> head.append("Bad Header Without Colon\r\n").append("X-Obs: a\r\n folded\r\n");
            default -> head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] chunked = defect == 7 ? ("zz\r\n" + new String(body, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1) : body;
        byte[] all = Arrays.copyOf(start, start.length + chunked.length);
        System.arraycopy(chunked, 0, all, start.length, chunked.length);
        return all;
    }
}
