package org.jobdeck.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/** CPU time of named threads (the FX application thread, the renderer), to tell whose time a stall is. */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {
    }

    /** Nanoseconds of CPU per thread whose name starts with one of {@code prefixes}. */
    static Map<String, Long> sample(String... prefixes) {
        Map<String, Long> cpu = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            for (String prefix : prefixes) {
                if (info.getThreadName().startsWith(prefix)) {
                    cpu.merge(prefix, THREADS.getThreadCpuTime(info.getThreadId()), Long::sum);
                }
            }
        }
        return cpu;
    }

    /** Percent of one core each prefix's threads used between two samples {@code seconds} apart. */
    static Map<String, Double> percent(Map<String, Long> before, Map<String, Long> after, double seconds) {
        Map<String, Double> percent = new HashMap<>();
        after.forEach((name, nanos) -> percent.put(name,
                (nanos - before.getOrDefault(name, 0L)) / 1e9 / seconds * 100));
        return percent;
    }
}
