package org.jobdeck.cli;

import org.jobdeck.queue.worker.WorkerSettings;
import picocli.CommandLine.Option;

/** {@code --lease-seconds} and {@code --heartbeat-seconds}, shared by {@code worker} and {@code serve}. */
final class LeaseOptions {
    @Option(names = "--lease-seconds", paramLabel = "N",
            description = "How long a claimed run stays this worker's without a heartbeat; after that"
                    + " another worker takes it over (default: 30).")
    Integer leaseSeconds;

    @Option(names = "--heartbeat-seconds", paramLabel = "N",
            description = "How often leases are renewed, expired ones taken over and cancel requests"
                    + " noticed; less than the lease (default: 3).")
    Integer heartbeatSeconds;

    /** The settings with these options applied; a bad combination is a usage error naming both. */
    WorkerSettings applyTo(WorkerSettings settings) {
        long lease = leaseSeconds == null ? settings.leaseMillis() : requirePositive("--lease-seconds", leaseSeconds) * 1000L;
        long heartbeat = heartbeatSeconds == null ? settings.heartbeatMillis()
                : requirePositive("--heartbeat-seconds", heartbeatSeconds) * 1000L;
        if (heartbeat >= lease) {
            throw new UserError("--heartbeat-seconds (" + heartbeat / 1000 + ") must be less than --lease-seconds ("
                    + lease / 1000 + ")", ExitCodes.USAGE);
        }
        return settings.withLease(lease, heartbeat);
    }

    private static long requirePositive(String option, int value) {
        if (value < 1) {
            throw new UserError(option + " must be at least 1, got " + value, ExitCodes.USAGE);
        }
        return value;
    }
}
