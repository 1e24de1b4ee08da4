package org.jobdeck.core.graph;

import java.util.Arrays;

/**
 * Tarjan's strongly-connected-components algorithm, iterative so that a catalog of any size
 * cannot overflow the call stack. Only components that can hold a cycle (more than one job,
 * or one job that depends on itself) get an id; every other job maps to -1.
 */
final class StronglyConnectedComponents {
    private final JobGraph graph;
    private final int[] index;
    private final int[] lowLink;
    private final boolean[] onStack;
    private final int[] stack;
    private final int[] componentOf;
    private int stackSize;
    private int nextIndex;
    private int nextComponent;

    StronglyConnectedComponents(JobGraph graph) {
        this.graph = graph;
        int n = graph.size();
        this.index = new int[n];
        this.lowLink = new int[n];
        this.onStack = new boolean[n];
        this.stack = new int[n];
        this.componentOf = new int[n];
        Arrays.fill(index, -1);
        Arrays.fill(componentOf, -1);
    }

    int[] componentOf() {
        int n = graph.size();
        int[] callJob = new int[n];
        int[] callEdge = new int[n];
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callJob[0] = root;
            callEdge[0] = 0;
            visit(root);
            while (depth >= 0) {
                int j = callJob[depth];
                if (callEdge[depth] < graph.dependencyCount(j)) {
                    int d = graph.dependency(j, callEdge[depth]++);
                    if (index[d] < 0) {
                        visit(d);
                        depth++;
                        callJob[depth] = d;
                        callEdge[depth] = 0;
                    } else if (onStack[d]) {
                        lowLink[j] = Math.min(lowLink[j], index[d]);
                    }
                } else {
                    if (lowLink[j] == index[j]) {
                        popComponent(j);
                    }
                    depth--;
                    if (depth >= 0) {
                        int caller = callJob[depth];
                        lowLink[caller] = Math.min(lowLink[caller], lowLink[j]);
                    }
                }
            }
        }
        return componentOf;
    }

    private void visit(int j) {
        index[j] = nextIndex;
        lowLink[j] = nextIndex;
        nextIndex++;
        stack[stackSize++] = j;
        onStack[j] = true;
    }

    private void popComponent(int root) {
        int first = stackSize - 1;
        while (stack[first] != root) {
            first--;
        }
        boolean cyclic = stackSize - first > 1 || dependsOnItself(root);
        int id = cyclic ? nextComponent++ : -1;
        for (int i = first; i < stackSize; i++) {
            onStack[stack[i]] = false;
            componentOf[stack[i]] = id;
        }
        stackSize = first;
    }

    private boolean dependsOnItself(int j) {
        for (int k = 0; k < graph.dependencyCount(j); k++) {
            if (graph.dependency(j, k) == j) {
                return true;
            }
        }
        return false;
    }
}
