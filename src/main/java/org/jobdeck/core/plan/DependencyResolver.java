package org.jobdeck.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jobdeck.core.catalog.CatalogException;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.catalog.JobGroup;
import org.jobdeck.core.graph.JobGraph;

/**
 * Turns a selection (all jobs, a group, or named jobs) into a {@link Plan}: the selection plus
 * every job it needs transitively, in an order that runs each job after its dependencies.
 *
 * <p><b>Order rule.</b> Jobs are listed wave by wave; within a wave, in catalog declaration
 * order. Because a plan is closed under dependencies, a job's wave in any plan equals its wave
 * in the whole catalog, so the catalog-wide order from {@link JobGraph#topologicalOrder()} is
 * computed once and each plan is that order filtered to its jobs.
 *
 * <p><b>Cost.</b> Resolving all jobs is O(jobs + dependencies). Resolving a subset costs its
 * closure's jobs and dependencies, plus O(p log p) to order its p jobs, or O(jobs) when the
 * subset is a large share of the catalog. The resolver is pure: no I/O, no shared mutable state,
 * safe to call from any thread.
 */
public final class DependencyResolver {
    private final JobCatalog catalog;
    private final JobGraph graph;
    /** The catalog's topological order (the resolver's own copy), and each job's place in it. */
    private final int[] order;
    private final int[] rank;

    public DependencyResolver(JobCatalog catalog) {
        this.catalog = catalog;
        this.graph = catalog.graph();
        this.order = graph.topologicalOrder();
        this.rank = new int[order.length];
        for (int position = 0; position < order.length; position++) {
            rank[order[position]] = position;
        }
    }

    public JobCatalog catalog() {
        return catalog;
    }

    public Plan resolveAll() {
        int n = catalog.size();
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        return new Plan(catalog, PlanScope.ALL, null, List.of(), order.clone(), all, all);
    }

    /** @throws org.jobdeck.core.catalog.UnknownGroupException for a group the catalog lacks */
    public Plan resolveGroup(String groupName) {
        int group = catalog.requireGroupIndex(groupName);
        boolean[] member = new boolean[catalog.size()];
        for (int j = 0; j < catalog.size(); j++) {
            member[j] = catalog.groupIndexOf(j) == group;
        }
        return resolve(PlanScope.GROUP, groupName, List.of(), member);
    }

    /** @throws org.jobdeck.core.catalog.UnknownJobException for a job the catalog lacks */
    public Plan resolveJobs(Collection<String> jobNames) {
        if (jobNames.isEmpty()) {
            throw new CatalogException("No jobs selected: name at least one job");
        }
        boolean[] member = new boolean[catalog.size()];
        List<String> requested = new ArrayList<>(jobNames.size());
        for (String name : jobNames) {
            int j = catalog.requireIndex(name);
            if (!member[j]) {
                member[j] = true;
                requested.add(name);
            }
        }
        return resolve(PlanScope.JOBS, null, requested, member);
    }

    private Plan resolve(PlanScope scope, String group, List<String> requested, boolean[] member) {
        int n = catalog.size();
        boolean[] inPlan = new boolean[n];
        int[] stack = new int[n];
        int[] jobs = new int[n];
        int size = 0;
        for (int j = 0; j < n; j++) {
            if (!member[j] || inPlan[j]) {
                continue;
            }
            int top = 0;
            stack[top++] = j;
            inPlan[j] = true;
            while (top > 0) {
                int current = stack[--top];
                jobs[size++] = current;
                for (int k = 0; k < graph.dependencyCount(current); k++) {
                    int dependency = graph.dependency(current, k);
                    if (!inPlan[dependency]) {
                        inPlan[dependency] = true;
                        stack[top++] = dependency;
                    }
                }
            }
        }
        return new Plan(catalog, scope, group, requested, order(jobs, size, inPlan), inPlan, member);
    }

    private int[] order(int[] jobs, int size, boolean[] inPlan) {
        int[] ordered = new int[size];
        if ((long) size * 16 >= catalog.size()) {
            int next = 0;
            for (int j : order) {
                if (inPlan[j]) {
                    ordered[next++] = j;
                }
            }
            return ordered;
        }
        int[] ranks = new int[size];
        for (int i = 0; i < size; i++) {
            ranks[i] = rank[jobs[i]];
        }
        Arrays.sort(ranks);
        for (int i = 0; i < size; i++) {
            ordered[i] = order[ranks[i]];
        }
        return ordered;
    }

    /** Every group in declaration order, with its count and the groups it depends on. */
    public List<GroupSummary> groupSummaries() {
        List<JobGroup> groups = catalog.groups();
        int[] counts = new int[groups.size()];
        boolean[][] dependsOn = new boolean[groups.size()][groups.size()];
        for (int j = 0; j < catalog.size(); j++) {
            int g = catalog.groupIndexOf(j);
            counts[g]++;
            for (int k = 0; k < graph.dependencyCount(j); k++) {
                int other = catalog.groupIndexOf(graph.dependency(j, k));
                if (other != g) {
                    dependsOn[g][other] = true;
                }
            }
        }
        List<GroupSummary> summaries = new ArrayList<>(groups.size());
        for (int g = 0; g < groups.size(); g++) {
            List<String> upstream = new ArrayList<>();
            for (int other = 0; other < groups.size(); other++) {
                if (dependsOn[g][other]) {
                    upstream.add(groups.get(other).name());
                }
            }
            JobGroup group = groups.get(g);
            summaries.add(new GroupSummary(group.name(), group.title(), group.purpose(), counts[g],
                    upstream));
        }
        return summaries;
    }

    /** The job names of one group, in declaration order. */
    public List<String> jobsOf(String groupName) {
        int group = catalog.requireGroupIndex(groupName);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < catalog.size(); j++) {
            if (catalog.groupIndexOf(j) == group) {
                names.add(catalog.job(j).name());
            }
        }
        return names;
    }
}
