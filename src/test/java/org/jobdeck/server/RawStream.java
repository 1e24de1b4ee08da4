package org.jobdeck.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * An event stream over a plain socket, read only when the test asks, on the test's thread: so a
 * test can hold hundreds open without a thread each (and count the server's threads), or hold
 * one that never reads (a stuck client).
 */
final class RawStream implements AutoCloseable {
    private final Socket socket;
    private final StringBuilder received = new StringBuilder();

    private RawStream(Socket socket) {
        this.socket = socket;
    }

    /** @param receiveBuffer the socket's receive buffer in bytes, or 0 for the system's */
    static RawStream open(int port, String token, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer); // before connecting, or the window is already set
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + RunEventStream.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Accept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return new RawStream(socket);
    }

    /** Reads until {@code text} has arrived; fails after {@code seconds}. */
    RawStream await(String text, int seconds) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        byte[] buffer = new byte[8192];
        InputStream in = socket.getInputStream();
        while (received.indexOf(text) < 0) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new AssertionError("no \"" + text + "\" within " + seconds + " s; got: " + tail());
            }
            socket.setSoTimeout((int) Math.max(1, left));
            try {
                int read = in.read(buffer);
                if (read < 0) {
                    throw new AssertionError("the stream ended before \"" + text + "\"; got: " + tail());
                }
                received.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            } catch (SocketTimeoutException e) {
                // the deadline check above decides
            }
        }
        return this;
    }

    /** Everything received so far. */
    String received() {
        return received.toString();
    }

    private String tail() {
        return received.length() <= 300 ? received.toString() : "…" + received.substring(received.length() - 300);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
