package org.jobdeck.bench;

import java.util.Locale;

/**
 * What every bench main does around its measurement: library logs down to warnings, one line
 * that says on what machine it ran, one line for a failure, and the JVM ended at the close (pools
 * and an embedded PostgreSQL keep threads that would hold it open).
 */
final class BenchHarness {
    private BenchHarness() {
    }

    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    static void run(Body body) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int exit = 0;
        try {
            body.run();
        } catch (Exception e) {
            System.err.println("benchmark failed: " + e);
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }

    /** "2 cores, JDK 17.0.15", for a benchmark's first line. */
    static String machine() {
        return String.format(Locale.ROOT, "%d cores, JDK %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
    }
}
