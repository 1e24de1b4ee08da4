package org.jobdeck.server;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jobdeck.cli.Main;

/** A {@code jobdeck serve} in a thread; interrupting the thread is its Ctrl-C. */
final class ServeInThread {
    private static final Pattern LISTENING = Pattern.compile("Listening on (http://127\\.0\\.0\\.1:(\\d+))");

    final Thread thread;
    final StringBuffer out = new StringBuffer();
    final StringBuffer err = new StringBuffer();
    final AtomicInteger code = new AtomicInteger(-1);
    String url;
    int port;

    ServeInThread(String... args) {
        thread = new Thread(() -> code.set(Main.run(new PrintWriter(into(out), true),
                new PrintWriter(into(err), true), args)), "serve-under-test");
        thread.start();
    }

    /** Waits for the "Listening on" line. */
    ServeInThread awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher matcher = LISTENING.matcher(out);
            if (matcher.find()) {
                url = matcher.group(1);
                port = Integer.parseInt(matcher.group(2));
                return this;
            }
            if (!thread.isAlive()) {
                throw new AssertionError("serve exited " + code.get() + ": " + err);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("serve did not start: " + out + err);
    }

    int stop() throws InterruptedException {
        thread.interrupt();
        thread.join(15_000);
        return code.get();
    }

    private static Writer into(StringBuffer buffer) {
        return new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                buffer.append(chars, offset, length);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
