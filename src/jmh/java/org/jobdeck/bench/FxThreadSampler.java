package org.jobdeck.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where the FX thread's and the renderer's wall time goes, by sampling their stacks every 10 ms
 * (diagnostic, off unless asked: each sample briefly stops the thread). The FX thread is idle
 * (waiting for work), waiting for the renderer to finish the previous frame, running a pulse
 * (CSS, layout, sync), running Jobdeck code (e.g. a feed batch), or running something else. The
 * renderer is idle or rendering. Compared with the threads' CPU time, "rendering" wall time the
 * CPU time does not cover is time the renderer was runnable but had no core.
 */
final class FxThreadSampler implements AutoCloseable {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    FxThreadSampler(String... threadPrefixes) {
        thread = new Thread(() -> loop(threadPrefixes), "fx-thread-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(String[] prefixes) {
        Map<Long, String> watched = new LinkedHashMap<>(); // thread id -> prefix
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            for (String prefix : prefixes) {
                if (info != null && info.getThreadName().startsWith(prefix)) {
                    watched.put(info.getThreadId(), prefix);
                }
            }
        }
        long[] ids = watched.keySet().stream().mapToLong(Long::longValue).toArray();
        while (running) {
            for (ThreadInfo info : THREADS.getThreadInfo(ids, 48)) {
                if (info != null) {
                    String bucket = classify(info);
                    synchronized (counts) {
                        counts.computeIfAbsent(watched.get(info.getThreadId()), k -> new TreeMap<>())
                                .merge(bucket, 1, Integer::sum);
                    }
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String classify(ThreadInfo info) {
        StackTraceElement[] stack = info.getStackTrace();
        boolean jobdeck = false;
        boolean pulse = false;
        for (StackTraceElement frame : stack) {
            String where = frame.getClassName() + "." + frame.getMethodName();
            if (where.endsWith("RunnableQueue.getNextRunnable") || where.endsWith("ThreadPoolExecutor.getTask")) {
                return "idle";
            }
            if (where.endsWith("PaintCollector.waitForRenderingToComplete")) {
                return "waiting for the renderer";
            }
            jobdeck |= frame.getClassName().startsWith("org.jobdeck.ui");
            pulse |= where.endsWith("Toolkit.runPulse") || where.endsWith("QuantumToolkit.pulse");
        }
        if (info.getThreadState() != Thread.State.RUNNABLE) {
            return info.getThreadState().name().toLowerCase(Locale.ROOT) + " (other)";
        }
        if (info.getThreadName().startsWith("QuantumRenderer")) {
            for (StackTraceElement frame : stack) {
                if (frame.getMethodName().equals("uploadPixels") || frame.getMethodName().equals("composePixels")) {
                    return "rendering: copying the frame to the (headless) screen";
                }
            }
            return "rendering: drawing the scene";
        }
        return jobdeck ? "running Jobdeck UI code" : pulse ? "running a pulse" : "running other";
    }

    /** Shares of the samples per thread and bucket since the last call, e.g. "FX: idle 40%, …". */
    String take() {
        Map<String, Map<String, Integer>> copy;
        synchronized (counts) {
            copy = new LinkedHashMap<>(counts);
            counts.clear();
        }
        return copy.entrySet().stream().map(entry -> {
            int total = entry.getValue().values().stream().mapToInt(Integer::intValue).sum();
            return entry.getKey() + " (" + total + " samples): " + entry.getValue().entrySet().stream()
                    .map(bucket -> String.format(Locale.ROOT, "%s %.0f%%", bucket.getKey(), 100.0 * bucket.getValue() / total))
                    .collect(Collectors.joining(", "));
        }).collect(Collectors.joining(" | "));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
