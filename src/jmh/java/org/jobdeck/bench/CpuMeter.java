package org.jobdeck.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used by this JVM and by one PostgreSQL server's processes (the postmaster and its
 * children, read from /proc). On a shared, noisy machine, CPU per run changes far less with
 * other load than wall time does, so it is reported next to runs/s.
 */
final class CpuMeter {
    private static final double TICK_NANOS = 1e9 / 100; // USER_HZ is 100 on Linux

    private final long postmaster;

    /** @param postmaster the PostgreSQL server's pid, or 0 for none (H2 runs inside this JVM) */
    CpuMeter(long postmaster) {
        this.postmaster = postmaster;
    }

    /** [JVM ns, PostgreSQL ns] so far. */
    long[] sample() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new long[] {jvm, postmaster == 0 ? 0 : postgresNanos()};
    }

    private long postgresNanos() {
        long ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                String[] stat = stat(process);
                if (stat == null) {
                    continue;
                }
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid == postmaster || Long.parseLong(stat[1]) == postmaster) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return (long) (ticks * TICK_NANOS);
    }

    /** The fields after the command name: [0] state, [1] ppid, … [11] utime, [12] stime. */
    private static String[] stat(Path process) {
        try {
            String text = Files.readString(process.resolve("stat"));
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null; // the process ended meanwhile
        }
    }
}
