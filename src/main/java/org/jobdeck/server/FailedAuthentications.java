package org.jobdeck.server;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed authentications per remote address, in a sliding window: an address with
 * {@link Policy#maxFailures} failures within {@link Policy#window} is refused (429) until the
 * oldest of them leaves the window, without its token being checked. A guesser gets
 * {@code maxFailures} guesses a window; a refused request tells it nothing, since no token is
 * compared. The address is the connection's peer, never a header a client could forge
 * (X-Forwarded-For): behind a proxy, every client shares the proxy's address and its budget.
 * The clock is injected so the window can be tested without waiting.
 */
final class FailedAuthentications {
    /**
     * @param maxAddresses how many addresses are remembered; past it, the one heard from least
     *                     recently is forgotten, so a flood of addresses cannot exhaust memory
     */
    record Policy(int maxFailures, Duration window, int maxAddresses) {
        static Policy standard() {
            return new Policy(20, Duration.ofMinutes(1), 10_000);
        }

        Policy {
            if (maxFailures < 1 || window.isNegative() || window.isZero() || maxAddresses < 1) {
                throw new IllegalArgumentException("a throttle needs at least 1 failure, a window and 1 address");
            }
        }
    }

    private final Policy policy;
    private final Clock clock;
    /** Failure times per address, oldest first; least recently heard address first. */
    private final Map<String, Deque<Long>> failures;

    FailedAuthentications(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.failures = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
                return size() > policy.maxAddresses();
            }
        };
    }

    Policy policy() {
        return policy;
    }

    /** Empty when {@code address} may try a token; else how long until it may (at least 1 s). */
    synchronized Optional<Duration> blockedFor(String address) {
        Deque<Long> times = recent(address);
        if (times == null || times.size() < policy.maxFailures()) {
            return Optional.empty();
        }
        long waitMillis = times.peekFirst() + policy.window().toMillis() - clock.millis();
        return Optional.of(Duration.ofSeconds(Math.max(1, (waitMillis + 999) / 1000)));
    }

    /** Records a failure; returns how many {@code address} has within the window, this one included. */
    synchronized int recordFailure(String address) {
        Deque<Long> times = recent(address);
        if (times == null) {
            times = new ArrayDeque<>();
            failures.put(address, times);
        }
        times.addLast(clock.millis());
        while (times.size() > policy.maxFailures()) {
            times.removeFirst(); // concurrent requests may overshoot: the newest count
        }
        return times.size();
    }

    /** The address's failures within the window (older ones dropped), or null when it has none. */
    private Deque<Long> recent(String address) {
        Deque<Long> times = failures.get(address);
        if (times == null) {
            return null;
        }
        long since = clock.millis() - policy.window().toMillis();
        while (!times.isEmpty() && times.peekFirst() <= since) {
            times.removeFirst();
        }
        if (times.isEmpty()) {
            failures.remove(address);
            return null;
        }
        return times;
    }
}
