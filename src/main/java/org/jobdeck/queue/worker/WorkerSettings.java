package org.jobdeck.queue.worker;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * How a worker pool behaves.
 *
 * @param workerId      the lease owner name: host, pid and a random suffix by default
 * @param concurrency   handler threads
 * @param leaseMillis   how long a claim holds without a heartbeat
 * @param heartbeatMillis how often leases are renewed, expired ones reclaimed, cancels noticed
 * @param pollMillis    how long an idle dispatcher waits before asking the database again
 *                      (changes made in this process wake it at once)
 * @param batchId       only claim runs of this batch, or null for any
 * @param shutdownGraceMillis how long close() waits for handlers to stop before handing back
 */
public record WorkerSettings(String workerId, int concurrency, long leaseMillis,
                             long heartbeatMillis, long pollMillis, String batchId,
                             long shutdownGraceMillis) {
    public WorkerSettings {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        if (heartbeatMillis >= leaseMillis) {
            throw new IllegalArgumentException("the heartbeat must be shorter than the lease");
        }
    }

    public static WorkerSettings defaults(int concurrency) {
        return new WorkerSettings(defaultWorkerId(), concurrency, 30_000, 3_000, 250, null, 10_000);
    }

    public WorkerSettings withBatch(String batch) {
        return new WorkerSettings(workerId, concurrency, leaseMillis, heartbeatMillis, pollMillis,
                batch, shutdownGraceMillis);
    }

    public WorkerSettings withLease(long lease, long heartbeat) {
        return new WorkerSettings(workerId, concurrency, lease, heartbeat, pollMillis, batchId,
                shutdownGraceMillis);
    }

    public WorkerSettings withWorkerId(String id) {
        return new WorkerSettings(id, concurrency, leaseMillis, heartbeatMillis, pollMillis, batchId,
                shutdownGraceMillis);
    }

    public WorkerSettings withPoll(long poll) {
        return new WorkerSettings(workerId, concurrency, leaseMillis, heartbeatMillis, poll, batchId,
                shutdownGraceMillis);
    }

    static String defaultWorkerId() {
        String runtime = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
        return runtime + ":" + UUID.randomUUID().toString().substring(0, 8);
    }
}
