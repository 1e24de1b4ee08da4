package org.jobdeck.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import com.sun.javafx.perf.PerformanceTracker;

/**
 * Measures how long the FX thread is unavailable, two ways.
 *
 * <ul>
 *   <li>Pulses: an AnimationTimer notes when each pulse reaches it (System.nanoTime on the FX
 *       thread); the gap between two is 16.7 ms when smooth.</li>
 *   <li>Pings: another thread posts a {@code Platform.runLater} every {@link #PING_MILLIS} ms and
 *       the FX thread notes when it runs it: the delay is how long an input event would wait,
 *       and {@link #stalls} turns the pings into the FX thread's busy spells, so a 100 ms stall
 *       counts once, not twenty times (a stall's start is seen only when a ping is sent, so it
 *       is measured at most {@link #PING_MILLIS} ms short).</li>
 * </ul>
 * It also counts the frames actually rendered ({@link #track}): a pulse renders only when
 * something changed. Samples are in milliseconds. Everything but the pinger runs on the FX thread.
 */
final class FxStallProbe {
    static final long PING_MILLIS = 5;

    private final Samples frameGaps = new Samples();
    private final Samples pingDelays = new Samples();
    private final Samples pingSent = new Samples(); // ms since origin, same order as pingDelays
    private final long origin = System.nanoTime();
    private final AtomicBoolean pinging = new AtomicBoolean();
    private PerformanceTracker tracker;
    private volatile long lastFrame;
    private AnimationTimer timer;
    private Thread pinger;

    /** Call on the FX thread. */
    void start() {
        timer = new AnimationTimer() {
            @Override
            public void handle(long pulse) {
                long now = System.nanoTime();
                if (lastFrame != 0) {
                    frameGaps.add((now - lastFrame) / 1e6);
                }
                lastFrame = now;
            }
        };
        timer.start();
        pinging.set(true);
        pinger = new Thread(() -> {
            while (pinging.get()) {
                long sent = System.nanoTime();
                Platform.runLater(() -> {
                    pingSent.add((sent - origin) / 1e6);
                    pingDelays.add((System.nanoTime() - sent) / 1e6);
                });
                try {
                    Thread.sleep(PING_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-stall-probe");
        pinger.setDaemon(true);
        pinger.start();
    }

    /** Counts the frames the scene renders (JavaFX's own tracker: pulses that drew something). */
    void track(Scene scene) {
        tracker = PerformanceTracker.getSceneTracker(scene);
        tracker.resetAverageFPS();
    }

    /** Frames rendered per second since the last {@link #reset}, NaN unless tracking a scene. */
    double renderedFps() {
        return tracker == null ? Double.NaN : tracker.getAverageFPS();
    }

    /** Forgets what was measured so far. */
    void reset() {
        if (tracker != null) {
            tracker.resetAverageFPS();
        }
        frameGaps.clear();
        pingDelays.clear();
        pingSent.clear();
    }

    void stop() {
        timer.stop();
        pinging.set(false);
        pinger.interrupt();
    }

    /** The time of the last pulse (System.nanoTime), 0 before the first. */
    long lastFrameNanos() {
        return lastFrame;
    }

    double[] frameGaps() {
        return frameGaps.toArray();
    }

    double[] pingDelays() {
        return pingDelays.toArray();
    }

    /**
     * The stalls the pings saw, in ms: for each ping, how long it waited while the FX thread
     * was busy with something else, counted from when it was sent or, if it was already queued
     * then, from when the FX thread ran the ping before it. A 300 ms handler is one stall of
     * 300 ms (the pings queued behind the first run right after it); a pulse that blocks 60 ms
     * is one stall of 60 ms.
     */
    double[] stalls() {
        double[] sent = pingSent.toArray();
        double[] delay = pingDelays.toArray();
        double[] stalls = new double[sent.length];
        double previousRan = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < sent.length; i++) {
            double ran = sent[i] + delay[i];
            stalls[i] = Math.max(0, ran - Math.max(sent[i], previousRan));
            previousRan = ran;
        }
        return stalls;
    }

    /** A growing array of doubles, touched by the FX thread only. */
    static final class Samples {
        private double[] values = new double[1 << 12];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void clear() {
            size = 0;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
