package org.jobdeck.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Bytes a well-behaved client would never send (a broken request line, a bad Content-Length),
 * over a plain socket, and the answer split into status, headers and body.
 */
final class RawHttp {
    /** The answer; status 0 when the server closed without answering. */
    record Answer(int status, String head, String body) {
        String contentType() {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("Content-Type")) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    private RawHttp() {
    }

    /** Sends {@code request} as it is (ISO-8859-1), half-closes, and reads until the server closes. */
    static Answer send(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            byte[] bytes;
            try {
                bytes = socket.getInputStream().readAllBytes();
            } catch (SocketTimeoutException e) {
                throw new IOException("no answer within 10 s to " + printable(request), e);
            }
            return parse(new String(bytes, StandardCharsets.ISO_8859_1));
        }
    }

    /**
     * Sends {@code head} (which asks {@code Expect: 100-continue}) and the body only when the
     * server says 100 Continue: a server that refuses the request unread answers at once, and a
     * client that has not sent a large body yet can read that answer.
     */
    static Answer sendWithContinue(int port, byte[] head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            String interim = readHead(in);
            if (!interim.startsWith("HTTP/1.1 100")) {
                return parse(interim + new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return parse(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        }
    }

    /** Up to and including the blank line after the headers. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                break;
            }
        }
        return head.toString();
    }

    static Answer send(int port, String request) throws IOException {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Answer parse(String text) {
        if (!text.startsWith("HTTP/1.1 ")) {
            return new Answer(0, text, "");
        }
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        return new Answer(Integer.parseInt(text.substring(9, 12)), head, body);
    }

    static String printable(byte[] request) {
        String text = new String(request, 0, Math.min(request.length, 300), StandardCharsets.ISO_8859_1);
        return text.replace("\r", "\\r").replace("\n", "\\n") + (request.length > 300 ? "…" : "");
    }
}
