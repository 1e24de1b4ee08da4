package org.jobdeck.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What Jetty refuses before Javalin sees it comes back in the error shape, not as an HTML page
 * (issue 12, item 10): a URI too long (414), headers too large (431), a request line or a
 * Content-Length it cannot parse (400), an HTTP version it does not speak (400, not 505: the
 * client's mistake).
 */
class ContainerErrorsTest extends ServerFixture {

    @Test
    void aUriTooLongIs414InTheErrorShape() throws Exception {
        Answer answer = get("/api/admin/jobs/runs?group=" + "x".repeat(20_000), ADMIN);

        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.response().headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.errorCode()).isEqualTo("uri_too_long");
        assertThat(answer.errorMessage()).isEqualTo("The server could not read the request (414): URI Too Long");
    }

    @Test
    void headersTooLargeAre431InTheErrorShape() throws Exception {
        Answer answer = send(request("/api/admin/jobs/runs", ADMIN).header("X-Padding", "y".repeat(20_000)).GET().build());

        assertThat(answer.status()).isEqualTo(431);
        assertThat(answer.errorCode()).isEqualTo("request_header_fields_too_large");
    }

    @Test
    void requestsJettyCannotParseAre400InTheErrorShape() throws Exception {
        for (String request : List.of(
                "GARBAGE\r\n\r\n",
                "GET /api/admin/health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
                "GET /api/admin/health HTTP/1.1\r\n\r\n",
                "GET /api/admin/health HTTP/9.9\r\nHost: x\r\n\r\n",
                "GET /api/admin/%zz HTTP/1.1\r\nHost: x\r\n\r\n",
                "POST /api/admin/jobs/enqueue-all HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ADMIN
                        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")) {
            RawHttp.Answer answer = RawHttp.send(server.port(), request);

            assertThat(answer.status()).as(request).isEqualTo(400);
            assertThat(answer.contentType()).as(request).isEqualTo("application/json");
            JsonNode error = JSON.readTree(answer.body()).get("error");
            assertThat(fieldNames(error)).as(request).containsExactly("code", "message");
            assertThat(error.get("code").asText()).as(request).isEqualTo("invalid_request");
            assertThat(answer.head()).as("Jetty closes after these: it says so").contains("Connection: close");
        }
        assertThat(runCount()).isZero();
    }
}
