package org.jobdeck.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JIT settings for a process that works a batch and ends, as {@code enqueue --wait} does on the
 * embedded queue. There HotSpot's optimizing compiler (C2) costs more than it saves: measured on
 * the 2-core reference machine, it doubled the process's CPU time (17 s of CPU for a 9 s batch),
 * keeping the second core busy, so that more worker threads only slowed the batch down. Such a
 * process compiles with C1 only, as {@code -XX:TieredStopAtLevel=1} would (Maven and Gradle
 * recommend the same for short builds), set through HotSpot's own diagnostic command
 * {@code Compiler.directives_add}, because {@code java -jar} takes no JVM options from the jar.
 *
 * <p>Long-running commands (the console, {@code serve}, {@code worker}) keep the full JIT. Nothing
 * is changed when the JVM was started with its own JIT options, or is not HotSpot.
 */
final class ShortRunJit {
    private static final Logger LOG = LoggerFactory.getLogger(ShortRunJit.class);
    static final String DIRECTIVES = "[{ match: \"*.*\", c2: { Exclude: true } }]";
    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

    private ShortRunJit() {
    }

    /** @return whether C1-only compilation is now in force for methods compiled from here on */
    static boolean apply() {
        if (ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(option -> option.contains("Tiered") || option.startsWith("-XX:CompileCommand")
                        || option.startsWith("-Xint") || option.contains("CompilerDirectives"))) {
            return false; // the user chose
        }
        Path file = null;
        try {
            file = Files.createTempFile("jobdeck-jit", ".json");
            Files.writeString(file, DIRECTIVES);
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC_COMMAND),
                    "compilerDirectivesAdd", new Object[] {new String[] {file.toString()}},
                    new String[] {String[].class.getName()});
            boolean added = String.valueOf(answer).contains("1 compiler directives added");
            LOG.debug("C1-only compilation for this short run: {}", String.valueOf(answer).strip());
            return added;
        } catch (Exception | LinkageError notHotSpot) {
            LOG.debug("Keeping the JVM's JIT settings: {}", notHotSpot.toString());
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file of a few bytes
                }
            }
        }
    }
}
