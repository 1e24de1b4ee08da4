package org.jobdeck.core.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The dependency graph of a catalog, indexed by declaration position.
 *
 * <p>Edges point from a job to each job it depends on. Adjacency is stored twice in
 * compressed-sparse-row form (dependencies and dependents) so every traversal is a scan over
 * int arrays. Building it runs one Kahn pass, which both proves the graph acyclic and assigns
 * each job its wave; only when that pass fails does {@link #cycles()} do the costlier
 * strongly-connected-component search.
 *
 * <p>Invariants after construction: {@code dependencies(j)} keeps the declared order of j's
 * dependency list; {@code dependents(j)} is ascending by declaration index. When acyclic,
 * {@code wave(j) == 0} for a job without dependencies, else 1 + the highest wave among them,
 * and {@link #topologicalOrder()} lists jobs by wave, then by declaration index.
 */
public final class JobGraph {
    private final int size;
    private final int[] dependencyStart;
    private final int[] dependencies;
    private final int[] dependentStart;
    private final int[] dependents;
    private final int[] wave;
    private final int[] topological;
    private final boolean acyclic;

    private JobGraph(int size, int[] dependencyStart, int[] dependencies) {
        this.size = size;
        this.dependencyStart = dependencyStart;
        this.dependencies = dependencies;
        this.dependentStart = new int[size + 1];
        this.dependents = new int[dependencies.length];
        invert();
        this.wave = new int[size];
        this.topological = new int[size];
        this.acyclic = layer();
    }

    /**
     * Builds a graph from per-job dependency index lists.
     *
     * @param dependencyIndices for each job, the indices of its dependencies in [0, size)
     */
    public static JobGraph of(int[][] dependencyIndices) {
        int size = dependencyIndices.length;
        int[] start = new int[size + 1];
        for (int j = 0; j < size; j++) {
            start[j + 1] = start[j] + dependencyIndices[j].length;
        }
        int[] flat = new int[start[size]];
        for (int j = 0; j < size; j++) {
            System.arraycopy(dependencyIndices[j], 0, flat, start[j], dependencyIndices[j].length);
        }
        return new JobGraph(size, start, flat);
    }

    private void invert() {
        for (int e = 0; e < dependencies.length; e++) {
            dependentStart[dependencies[e] + 1]++;
        }
        for (int j = 0; j < size; j++) {
            dependentStart[j + 1] += dependentStart[j];
        }
        int[] fill = Arrays.copyOf(dependentStart, size);
        // Visiting jobs in index order leaves each dependents run sorted by declaration index.
        for (int j = 0; j < size; j++) {
            for (int e = dependencyStart[j]; e < dependencyStart[j + 1]; e++) {
                dependents[fill[dependencies[e]]++] = j;
            }
        }
    }

    /** Kahn's algorithm with wave assignment, then a stable counting sort by wave. */
    private boolean layer() {
        int[] pending = new int[size];
        int[] queue = new int[size];
        int tail = 0;
        for (int j = 0; j < size; j++) {
            pending[j] = dependencyStart[j + 1] - dependencyStart[j];
            if (pending[j] == 0) {
                queue[tail++] = j;
            }
        }
        int maxWave = 0;
        for (int head = 0; head < tail; head++) {
            int j = queue[head];
            for (int e = dependentStart[j]; e < dependentStart[j + 1]; e++) {
                int d = dependents[e];
                if (wave[j] + 1 > wave[d]) {
                    wave[d] = wave[j] + 1;
                }
                if (--pending[d] == 0) {
                    queue[tail++] = d;
                    if (wave[d] > maxWave) {
                        maxWave = wave[d];
                    }
                }
            }
        }
        if (tail < size) {
            return false;
        }
        int[] waveStart = new int[maxWave + 2];
        for (int j = 0; j < size; j++) {
            waveStart[wave[j] + 1]++;
        }
        for (int w = 0; w <= maxWave; w++) {
            waveStart[w + 1] += waveStart[w];
        }
        for (int j = 0; j < size; j++) {
            topological[waveStart[wave[j]]++] = j;
        }
        return true;
    }

    public int size() {
        return size;
    }

    public boolean isAcyclic() {
        return acyclic;
    }

    public int dependencyCount(int job) {
        return dependencyStart[job + 1] - dependencyStart[job];
    }

    public int dependency(int job, int k) {
        return dependencies[dependencyStart[job] + k];
    }

    public int dependentCount(int job) {
        return dependentStart[job + 1] - dependentStart[job];
    }

    public int dependent(int job, int k) {
        return dependents[dependentStart[job] + k];
    }

    /** The job's wave; meaningful only when the graph is acyclic. */
    public int wave(int job) {
        requireAcyclic();
        return wave[job];
    }

    /** Every job, by wave and then declaration index: a copy, the graph's own stays as it is. */
    public int[] topologicalOrder() {
        requireAcyclic();
        return topological.clone();
    }

    private void requireAcyclic() {
        if (!acyclic) {
            throw new IllegalStateException("the graph has a cycle");
        }
    }

    /**
     * One cycle per strongly connected component that has one, each as a closed path of job
     * indices starting and ending at the component's first-declared job. Empty when acyclic.
     * Components are listed by their first-declared job.
     */
    public List<int[]> cycles() {
        if (acyclic) {
            return List.of();
        }
        int[] component = new StronglyConnectedComponents(this).componentOf();
        List<int[]> cycles = new ArrayList<>();
        boolean[] reported = new boolean[size];
        for (int j = 0; j < size; j++) {
            int c = component[j];
            if (c < 0 || reported[c]) {
                continue;
            }
            reported[c] = true;
            int[] path = shortestCycleThrough(j, component);
            if (path != null) {
                cycles.add(path);
            }
        }
        return Collections.unmodifiableList(cycles);
    }

    /** Breadth-first search along dependency edges, inside one component, back to {@code start}. */
    private int[] shortestCycleThrough(int start, int[] component) {
        int[] parent = new int[size];
        Arrays.fill(parent, -2);
        int[] queue = new int[size];
        int tail = 0;
        queue[tail++] = start;
        parent[start] = -1;
        for (int head = 0; head < tail; head++) {
            int j = queue[head];
            for (int e = dependencyStart[j]; e < dependencyStart[j + 1]; e++) {
                int d = dependencies[e];
                if (d == start) {
                    return closePath(parent, j, start);
                }
                if (component[d] == component[start] && parent[d] == -2) {
                    parent[d] = j;
                    queue[tail++] = d;
                }
            }
        }
        return null; // a single job without a self-edge is no cycle
    }

    private static int[] closePath(int[] parent, int last, int start) {
        List<Integer> reversed = new ArrayList<>();
        for (int j = last; j != -1; j = parent[j]) {
            reversed.add(j);
        }
        int[] path = new int[reversed.size() + 1];
        for (int i = 0; i < reversed.size(); i++) {
            path[i] = reversed.get(reversed.size() - 1 - i);
        }
        path[path.length - 1] = start;
        return path;
    }
}
