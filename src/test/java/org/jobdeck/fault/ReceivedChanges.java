package org.jobdeck.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one reader of run changes received, snapshot by snapshot: the newest version of each run,
 * and every snapshot that broke exactness, which is a run received again at a version it already
 * had (a duplicate) or at an older one (out of order). One thread records; any thread may ask.
 */
final class ReceivedChanges {
    private static final int SHOWN = 10;

    private final String reader;
    private final Map<String, Long> newest = new ConcurrentHashMap<>();
    private final Map<String, String> newestWhere = new ConcurrentHashMap<>();
    private final List<String> broken = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong received = new AtomicLong();

    ReceivedChanges(String reader) {
        this.reader = reader;
    }

    /** A snapshot of run {@code runId} at {@code version}, received {@code where} (for the failure message). */
    void received(String runId, long version, String where) {
        received.incrementAndGet();
        Long before = newest.put(runId, version);
        if (before != null && version <= before) {
            newest.put(runId, before);
            broken.add("run " + runId + " v" + version + (version == before ? " again" : " after v" + before)
                    + " (" + where + "; v" + before + ": " + newestWhere.get(runId) + ")");
        } else {
            newestWhere.put(runId, where);
        }
    }

    long count() {
        return received.get();
    }

    /** Whether every run of {@code database} (id to version) was received at that version. */
    boolean hasEvery(Map<String, Long> database) {
        return database.entrySet().stream().allMatch(run -> run.getValue().equals(newest.get(run.getKey())));
    }

    /** Each change once, in order per run, and every run at the database's version in the end. */
    void assertExactly(Map<String, Long> database) {
        List<String> shown;
        synchronized (broken) {
            shown = List.copyOf(broken.subList(0, Math.min(SHOWN, broken.size())));
        }
        assertThat(broken).as("%s: snapshots received again or out of order (of %d received; first %d: %s)",
                reader, received.get(), shown.size(), shown).isEmpty();
        long missing = database.entrySet().stream()
                .filter(run -> !run.getValue().equals(newest.get(run.getKey()))).count();
        assertThat(missing).as("%s: runs not received at the database's version (of %d)", reader, database.size())
                .isZero();
    }
}
