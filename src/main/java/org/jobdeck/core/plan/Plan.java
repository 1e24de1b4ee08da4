package org.jobdeck.core.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.graph.JobGraph;

/**
 * A resolved plan: the jobs to run, each after its dependencies, with why each is included.
 * Entries are materialised on first use; the plan itself is immutable and thread-safe.
 */
public final class Plan {
    private final JobCatalog catalog;
    private final PlanScope scope;
    private final String group;
    private final List<String> requestedJobs;
    private final int[] order;
    private final boolean[] inPlan;
    private final boolean[] member;
    private volatile List<PlanEntry> entries;

    Plan(JobCatalog catalog, PlanScope scope, String group, List<String> requestedJobs,
         int[] order, boolean[] inPlan, boolean[] member) {
        this.catalog = catalog;
        this.scope = scope;
        this.group = group;
        this.requestedJobs = List.copyOf(requestedJobs);
        this.order = order;
        this.inPlan = inPlan;
        this.member = member;
    }

    public PlanScope scope() {
        return scope;
    }

    /** The selected group's name; present only for {@link PlanScope#GROUP}. */
    public Optional<String> group() {
        return Optional.ofNullable(group);
    }

    /** The jobs named in the request, without repeats; empty unless {@link PlanScope#JOBS}. */
    public List<String> requestedJobs() {
        return requestedJobs;
    }

    public int size() {
        return order.length;
    }

    public List<PlanEntry> entries() {
        List<PlanEntry> result = entries;
        if (result == null) {
            result = materialise();
            entries = result;
        }
        return result;
    }

    public Optional<PlanEntry> entry(String jobName) {
        int j = catalog.indexOf(jobName);
        if (j < 0 || !inPlan[j]) {
            return Optional.empty();
        }
        return entries().stream().filter(e -> e.jobName().equals(jobName)).findFirst();
    }

    /** The job names in plan order. */
    public List<String> jobNames() {
        return new JobNameList(catalog, order);
    }

    public int memberCount() {
        int count = 0;
        for (int j : order) {
            if (member[j]) {
                count++;
            }
        }
        return count;
    }

    /**
     * One line for people: "6 jobs: 4 members of feed, 2 dependencies from matching".
     */
    public String summary() {
        int members = memberCount();
        int dependencies = order.length - members;
        String jobs = count(order.length, "job", "jobs");
        String selected = switch (scope) {
            case ALL -> "all jobs of " + count(catalog.groups().size(), "group", "groups");
            case GROUP -> count(members, "member", "members") + " of " + group;
            case JOBS -> members + " selected";
        };
        if (dependencies == 0) {
            return jobs + ": " + selected;
        }
        return jobs + ": " + selected + ", " + count(dependencies, "dependency", "dependencies")
                + " from " + String.join(", ", dependencyGroups());
    }

    /** Groups that contribute dependencies, in group declaration order. */
    public List<String> dependencyGroups() {
        Set<Integer> groups = new TreeSet<>();
        for (int j : order) {
            if (!member[j]) {
                groups.add(catalog.groupIndexOf(j));
            }
        }
        List<String> names = new ArrayList<>(groups.size());
        for (int g : groups) {
            names.add(catalog.groups().get(g).name());
        }
        return names;
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private List<PlanEntry> materialise() {
        JobGraph graph = catalog.graph();
        List<PlanEntry> list = new ArrayList<>(order.length);
        for (int position = 0; position < order.length; position++) {
            int j = order[position];
            list.add(new PlanEntry(position + 1, catalog.job(j).name(),
                    catalog.groups().get(catalog.groupIndexOf(j)).name(),
                    member[j] ? InclusionReason.MEMBER : InclusionReason.DEPENDENCY,
                    new JobNameList(catalog, dependentsInPlan(graph, j)), graph.wave(j)));
        }
        return Collections.unmodifiableList(list);
    }

    private int[] dependentsInPlan(JobGraph graph, int j) {
        int count = graph.dependentCount(j);
        int[] dependents = new int[count];
        int kept = 0;
        for (int k = 0; k < count; k++) {
            int d = graph.dependent(j, k);
            if (inPlan[d]) {
                dependents[kept++] = d;
            }
        }
        return kept == count ? dependents : Arrays.copyOf(dependents, kept);
    }

    /**
     * Why a job is in the plan, in one line: "member of feed" (or "selected"), "required by
     * feed-presort" when selected jobs need it directly, else the shortest chain up to a
     * selected job, e.g. "required by match-scores → feed-presort".
     */
    public String why(PlanEntry entry) {
        int job = catalog.indexOf(entry.jobName());
        if (job < 0 || !inPlan[job]) {
            throw new IllegalArgumentException(entry.jobName() + " is not in this plan");
        }
        if (member[job]) {
            return switch (scope) {
                case ALL -> "part of all jobs";
                case GROUP -> "member of " + group;
                case JOBS -> "selected";
            };
        }
        List<String> direct = new ArrayList<>();
        for (String dependent : entry.requiredBy()) {
            if (member[catalog.indexOf(dependent)]) {
                direct.add(dependent);
            }
        }
        if (!direct.isEmpty()) {
            return "required by " + String.join(", ", direct);
        }
        return "required by " + String.join(" → ", chainToMember(job));
    }

    /** Breadth-first up the dependents inside the plan, to the nearest selected job. */
    private List<String> chainToMember(int start) {
        JobGraph graph = catalog.graph();
        Map<Integer, Integer> parent = new HashMap<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        parent.put(start, -1);
        while (!queue.isEmpty()) {
            int current = queue.poll();
            if (current != start && member[current]) {
                List<String> chain = new ArrayList<>();
                for (int j = current; j != start; j = parent.get(j)) {
                    chain.add(catalog.job(j).name());
                }
                Collections.reverse(chain);
                return chain;
            }
            for (int k = 0; k < graph.dependentCount(current); k++) {
                int dependent = graph.dependent(current, k);
                if (inPlan[dependent] && parent.putIfAbsent(dependent, current) == null) {
                    queue.add(dependent);
                }
            }
        }
        throw new IllegalStateException(catalog.job(start).name() + " is needed by no selected job");
    }

    /** Names of the jobs the plan contains, for set comparisons. */
    public Set<String> jobSet() {
        return new LinkedHashSet<>(jobNames());
    }
}
