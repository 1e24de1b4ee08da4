package org.jobdeck.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;

/**
 * A deterministic, layered, acyclic job graph: the common input of the resolver benchmarks.
 *
 * <p>Jobs come in layers of {@value #LAYER_WIDTH}. Layer 0 has no dependency. Every job of a
 * later layer has {@value #DEPENDENCIES_PER_JOB} distinct dependencies: one in the layer right
 * before it (so a job's wave is its layer) and the rest drawn uniformly from all earlier layers.
 * Dependencies therefore only point backwards and the graph is acyclic. The same seed always
 * gives the same graph (java.util.Random's algorithm is fixed by its specification).
 *
 * <p>The input is what a caller would hand either library: an ordered map job name to the names
 * of its dependencies (immutable lists, as a JSON reader or a builder would typically produce),
 * plus {@value #GROUPS} group names. Job {@code i} belongs to group {@code i % GROUPS}.
 */
final class SyntheticDag {
    static final long SEED = 0x10BDEC4L;
    static final int LAYER_WIDTH = 100;
    static final int DEPENDENCIES_PER_JOB = 5;
    static final int GROUPS = 20;
    static final String DESCRIPTION = "Synthetic benchmark job";

    /** Job name to dependency names, in declaration order. */
    final LinkedHashMap<String, List<String>> dependencies;
    final List<String> groupNames;
    final int jobs;
    final int dependencyCount;
    final int layers;

    private SyntheticDag(LinkedHashMap<String, List<String>> dependencies, List<String> groupNames,
                         int dependencyCount, int layers) {
        this.dependencies = dependencies;
        this.groupNames = groupNames;
        this.jobs = dependencies.size();
        this.dependencyCount = dependencyCount;
        this.layers = layers;
    }

    static SyntheticDag generate(int jobs) {
        Random random = new Random(SEED);
        String[] names = new String[jobs];
        for (int i = 0; i < jobs; i++) {
            names[i] = name(i);
        }
        LinkedHashMap<String, List<String>> dependencies = new LinkedHashMap<>(jobs * 2);
        int[] picked = new int[DEPENDENCIES_PER_JOB];
        int edges = 0;
        for (int i = 0; i < jobs; i++) {
            int layer = i / LAYER_WIDTH;
            if (layer == 0) {
                dependencies.put(names[i], List.of());
                continue;
            }
            int earlier = layer * LAYER_WIDTH; // jobs [0, earlier) are in earlier layers
            int count = Math.min(DEPENDENCIES_PER_JOB, earlier);
            picked[0] = (layer - 1) * LAYER_WIDTH + random.nextInt(LAYER_WIDTH);
            int n = 1;
            while (n < count) {
                int candidate = random.nextInt(earlier);
                if (!contains(picked, n, candidate)) {
                    picked[n++] = candidate;
                }
            }
            String[] depNames = new String[n];
            for (int k = 0; k < n; k++) {
                depNames[k] = names[picked[k]];
            }
            dependencies.put(names[i], List.of(depNames));
            edges += n;
        }
        List<String> groupNames = new ArrayList<>(GROUPS);
        for (int g = 0; g < GROUPS; g++) {
            groupNames.add(String.format("group-%02d", g));
        }
        int layers = (jobs + LAYER_WIDTH - 1) / LAYER_WIDTH;
        return new SyntheticDag(dependencies, Collections.unmodifiableList(groupNames), edges,
                layers);
    }

    String groupOf(int jobIndex) {
        return groupNames.get(jobIndex % GROUPS);
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int k = 0; k < count; k++) {
            if (values[k] == value) {
                return true;
            }
        }
        return false;
    }

    private static String name(int i) {
        String digits = Integer.toString(i);
        StringBuilder sb = new StringBuilder(10).append("job-");
        for (int pad = digits.length(); pad < 6; pad++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    @Override
    public String toString() {
        return jobs + " jobs, " + dependencyCount + " dependencies, " + layers + " layers, "
                + groupNames.size() + " groups";
    }
}
