package org.jobdeck.ui.util;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;

/**
 * Starting the JavaFX toolkit outside an Application (headless on Monocle when asked), and
 * calling onto the FX thread from another thread and waiting for the answer.
 */
public final class FxToolkit {
    private static boolean started;

    private FxToolkit() {
    }

    /** Starts the toolkit headless (Monocle, software rendering) unless it already runs. */
    public static synchronized void startHeadless() throws InterruptedException {
        if (started) {
            return;
        }
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        // Monocle's headless screen is 1280x800 by default; larger windows overflow its buffer.
        setIfAbsent("headless.geometry", "1920x1200-32");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("java.awt.headless", "true");
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
        } catch (IllegalStateException alreadyRunning) {
            ready.countDown();
        }
        Platform.setImplicitExit(false);
        if (!ready.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start within 30 s");
        }
        started = true;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Runs {@code work} on the FX thread and returns its result. Never call it on the FX thread. */
    public static <T> T call(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new IllegalStateException("the FX thread did not answer within 60 s", e);
        }
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds. */
    public static void await(String what, long timeoutMillis, Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!call(condition)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
