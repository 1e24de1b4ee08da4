package org.jobdeck.ui.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jobdeck.core.catalog.CatalogProblem;
import org.jobdeck.core.catalog.CatalogValidation;
import org.jobdeck.core.catalog.JobDefinition;
import org.jobdeck.core.plan.InclusionReason;
import org.jobdeck.core.plan.Plan;
import org.jobdeck.core.plan.PlanEntry;

/**
 * What a dependency graph view draws: jobs as nodes, and an edge from each dependency to the
 * job that needs it (so work flows left to right). Built from a catalog, valid or not (cycle
 * edges are marked), or from a plan (members and dependencies are marked).
 *
 * @param groups the groups in legend order
 */
public record GraphModel(List<Node> nodes, List<Edge> edges, List<String> groups) {
    public GraphModel {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        groups = List.copyOf(groups);
    }

    /** How a node is drawn: plain in the catalog graph, member or dependency in a plan graph. */
    public enum Role { PLAIN, MEMBER, DEPENDENCY }

    public record Node(String id, String group, Role role, String description) {
    }

    /**
     * @param from       the dependency
     * @param to         the job that depends on it
     * @param crossGroup the two jobs are in different groups
     * @param inCycle    the edge is on a reported circular dependency
     */
    public record Edge(String from, String to, boolean crossGroup, boolean inCycle) {
    }

    /** The whole catalog as read, including an invalid one: missing dependencies are left out. */
    public static GraphModel ofCatalog(CatalogValidation catalog, List<CatalogProblem> problems) {
        Set<String> cycleEdges = new HashSet<>();
        for (CatalogProblem problem : problems) {
            List<String> cycle = problem.cycle();
            for (int i = 0; i + 1 < cycle.size(); i++) {
                // a cycle path reads job -> dependency; the graph edge runs dependency -> job
                cycleEdges.add(cycle.get(i + 1) + "\u0000" + cycle.get(i));
            }
        }
        Map<String, String> groupOf = new HashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (JobDefinition job : catalog.jobs()) {
            groupOf.put(job.name(), group(job));
            nodes.add(new Node(job.name(), group(job), Role.PLAIN, job.description()));
        }
        List<Edge> edges = new ArrayList<>();
        for (JobDefinition job : catalog.jobs()) {
            for (String dependency : new LinkedHashSet<>(job.dependencies())) {
                if (groupOf.containsKey(dependency)) {
                    edges.add(new Edge(dependency, job.name(), !groupOf.get(dependency).equals(group(job)),
                            cycleEdges.contains(dependency + "\u0000" + job.name())));
                }
            }
        }
        return new GraphModel(nodes, edges, groupsInOrder(catalog, nodes));
    }

    /** A resolved plan: members and dependencies, with the edges between them. */
    public static GraphModel ofPlan(Plan plan, Map<String, JobDefinition> jobs) {
        List<Node> nodes = new ArrayList<>();
        Map<String, String> groupOf = new HashMap<>();
        Set<String> groups = new LinkedHashSet<>();
        for (PlanEntry entry : plan.entries()) {
            groupOf.put(entry.jobName(), entry.group());
            groups.add(entry.group());
            JobDefinition job = jobs.get(entry.jobName());
            nodes.add(new Node(entry.jobName(), entry.group(),
                    entry.reason() == InclusionReason.MEMBER ? Role.MEMBER : Role.DEPENDENCY,
                    job == null ? "" : job.description()));
        }
        List<Edge> edges = new ArrayList<>();
        for (PlanEntry entry : plan.entries()) {
            for (String dependent : entry.requiredBy()) {
                edges.add(new Edge(entry.jobName(), dependent,
                        !entry.group().equals(groupOf.get(dependent)), false));
            }
        }
        return new GraphModel(nodes, edges, List.copyOf(groups));
    }

    private static List<String> groupsInOrder(CatalogValidation catalog, List<Node> nodes) {
        Set<String> groups = new LinkedHashSet<>();
        catalog.groups().forEach(g -> groups.add(g.name()));
        nodes.forEach(n -> groups.add(n.group()));
        return List.copyOf(groups);
    }

    private static String group(JobDefinition job) {
        return job.group() == null || job.group().isBlank() ? "(no group)" : job.group();
    }

    /** Every node upstream of {@code id} (its dependencies, transitively). */
    public Set<String> upstreamOf(String id) {
        return reach(id, true);
    }

    /** Every node downstream of {@code id} (the jobs that need it, transitively). */
    public Set<String> downstreamOf(String id) {
        return reach(id, false);
    }

    private Set<String> reach(String start, boolean upstream) {
        Map<String, List<String>> next = new HashMap<>();
        for (Edge edge : edges) {
            String a = upstream ? edge.to() : edge.from();
            String b = upstream ? edge.from() : edge.to();
            next.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> stack = new ArrayList<>(next.getOrDefault(start, List.of()));
        while (!stack.isEmpty()) {
            String id = stack.remove(stack.size() - 1);
            if (!id.equals(start) && seen.add(id)) {
                stack.addAll(next.getOrDefault(id, List.of()));
            }
        }
        return seen;
    }
}
