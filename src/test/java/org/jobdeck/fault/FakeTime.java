package org.jobdeck.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A clock off by a fixed amount in a JVM the test starts: libfaketime preloaded into that JVM
 * itself ({@code LD_PRELOAD}, {@code FAKETIME}), never through the {@code faketime} wrapper, which
 * forks (the JVM's pid would not be the process the test kills). Monotonic time stays true, so
 * sleeps, timeouts and {@code System.nanoTime} behave; only the wall clock is off. PostgreSQL is
 * another process, not preloaded, and keeps the true time.
 *
 * <p>libfaketime 0.9.10 (Debian 12's) also rewrites the deadline of every
 * {@code pthread_cond_timedwait} on the monotonic clock (its "monotonic fix"), even with
 * {@code FAKETIME_DONT_FAKE_MONOTONIC=1}, where the monotonic clock is not faked: the waits then
 * return at once (fixed upstream: wolfcw/libfaketime#503), so every parked JVM thread spins and a
 * skewed worker crawls. {@code FAKETIME_FORCE_MONOTONIC_FIX=0} turns that rewrite off;
 * {@link #assertTakesEffect} checks that timed waits wait.
 *
 * <p>Without libfaketime ({@code apt-get install faketime}; {@code .ci/run} installs it), the
 * tests that need it are skipped.
 */
record FakeTime(String offset, Duration shift) {
    static final Path USUAL = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");
    /** How far the measured skew may be from the asked one: two JVM clock reads and a round trip apart. */
    private static final Duration TOLERANCE = Duration.ofSeconds(10);
    private static final Pattern PROBE = Pattern.compile("local=(-?\\d+) database=(-?\\d+) parked=(\\d+)");

    /** {@code +2m}: two minutes fast. */
    static FakeTime fast(int minutes) {
        return new FakeTime("+" + minutes + "m", Duration.ofMinutes(minutes));
    }

    /** {@code -5m}: five minutes slow. */
    static FakeTime slow(int minutes) {
        return new FakeTime("-" + minutes + "m", Duration.ofMinutes(-minutes));
    }

    /** The variables that put a JVM on this clock; skips the test when libfaketime is not installed. */
    Map<String, String> environment() {
        Optional<Path> library = library();
        assumeTrue(library.isPresent(), "libfaketime.so.1 is not installed (apt-get install faketime):"
                + " the clock skew tests need it; CI installs it");
        return Map.of("LD_PRELOAD", library.get().toString(), "FAKETIME", offset,
                "FAKETIME_DONT_FAKE_MONOTONIC", "1", "FAKETIME_FORCE_MONOTONIC_FIX", "0");
    }

    /**
     * Starts a JVM on this clock that reads its own clock and the database's, and asserts that its
     * clock is off by {@link #shift} and the database's is not (the preload took effect: the skew
     * under test is real), and that its timed waits still wait (so it is not slowed down by them).
     */
    void assertTakesEffect(FaultRig rig) throws Exception {
        String name = "clock-probe" + offset;
        Process probe = rig.start(name, environment(), List.of(), ClockProbe.class.getName(),
                List.of(rig.url.jdbcUrl()));
        long before = System.currentTimeMillis();
        assertThat(probe.waitFor(1, TimeUnit.MINUTES)).as("the clock probe ended").isTrue();
        long after = System.currentTimeMillis();
        String output = Files.readString(rig.log(name));
        Matcher read = PROBE.matcher(output);
        assertThat(read.find()).as("the clock probe's output: %s", output).isTrue();
        long local = Long.parseLong(read.group(1));
        long database = Long.parseLong(read.group(2));
        assertThat(database).as("PostgreSQL's clock (not preloaded) is the true one")
                .isBetween(before - TOLERANCE.toMillis(), after + TOLERANCE.toMillis());
        assertThat(local - database).as("a JVM preloaded with FAKETIME=%s is off by it", offset)
                .isBetween(shift.minus(TOLERANCE).toMillis(), shift.plus(TOLERANCE).toMillis());
        assertThat(Long.parseLong(read.group(3))).as("ms a preloaded JVM's timed waits of %d ms took",
                ClockProbe.PARKED_MILLIS).isGreaterThanOrEqualTo(ClockProbe.PARKED_MILLIS / 2);
    }

    /** libfaketime where Debian puts it, or anywhere under /usr/lib*. */
    static Optional<Path> library() {
        if (Files.isReadable(USUAL)) {
            return Optional.of(USUAL);
        }
        for (String root : List.of("/usr/lib", "/usr/lib64", "/usr/lib32", "/usr/local/lib")) {
            Path top = Path.of(root);
            if (!Files.isDirectory(top)) {
                continue;
            }
            try (Stream<Path> files = Files.find(top, 4, (path, attributes) -> attributes.isRegularFile()
                    && path.endsWith(Path.of("faketime", "libfaketime.so.1")))) {
                Optional<Path> found = files.findFirst();
                if (found.isPresent()) {
                    return found;
                }
            } catch (IOException | UncheckedIOException unreadable) {
                // a directory we may not read: look in the next root
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return offset;
    }
}
