package org.jobdeck.core.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** The "known groups: …" and "did you mean …" parts of an unknown-name error. */
final class Suggestions {
    private static final int LISTED_JOBS = 12;

    private Suggestions() {
    }

    static String knownGroups(List<JobGroup> groups) {
        return groups.stream().map(JobGroup::name).collect(Collectors.joining(", "));
    }

    static String knownJobsHint(String wanted, List<JobDefinition> jobs) {
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (JobDefinition job : jobs) {
            int distance = editDistance(wanted, job.name());
            if (distance < best) {
                best = distance;
                closest = job.name();
            }
        }
        if (closest != null && best <= Math.max(2, wanted.length() / 4)) {
            return "did you mean " + closest + "?";
        }
        String listed = jobs.stream().limit(LISTED_JOBS).map(JobDefinition::name)
                .collect(Collectors.joining(", "));
        int rest = jobs.size() - LISTED_JOBS;
        return "known jobs: " + listed + (rest > 0 ? ", … " + rest + " more" : "");
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int k = 0; k <= b.length(); k++) {
            previous[k] = k;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int k = 1; k <= b.length(); k++) {
                int substitution = previous[k - 1] + (a.charAt(i - 1) == b.charAt(k - 1) ? 0 : 1);
                current[k] = Math.min(substitution, Math.min(previous[k], current[k - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
