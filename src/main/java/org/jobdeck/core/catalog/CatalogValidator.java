package org.jobdeck.core.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jobdeck.core.graph.JobGraph;

/**
 * Checks a set of job definitions as a whole: duplicate names, required fields, unknown groups,
 * param declarations ({@link ParamDeclarations}), missing dependencies and cycles. It never stops
 * at the first problem.
 *
 * <p>Even an invalid catalog gets a graph (over the first job of each name, with its known
 * dependencies), so the console can still draw it and mark the cycles.
 */
public final class CatalogValidator {
    private CatalogValidator() {
    }

    /**
     * @param declaredGroups the groups the catalog declares, or null when it declares none, in
     *                       which case groups are inferred from the jobs in order of appearance
     */
    public static CatalogValidation validate(List<JobGroup> declaredGroups, List<JobDefinition> jobs) {
        List<CatalogProblem> problems = new ArrayList<>();
        List<JobGroup> groups = declaredGroups == null ? inferGroups(jobs) : declaredGroups;
        Set<String> groupNames = groupNames(groups, problems);

        Map<String, Integer> index = new HashMap<>(jobs.size() * 2);
        List<JobDefinition> unique = new ArrayList<>(jobs.size());
        boolean[] first = new boolean[jobs.size()];
        for (int i = 0; i < jobs.size(); i++) {
            JobDefinition job = jobs.get(i);
            if (index.putIfAbsent(job.name(), unique.size()) == null) {
                unique.add(job);
                first[i] = true;
            } else {
                problems.add(CatalogProblem.of("Duplicate job name: " + job.name()));
            }
        }

        // Every definition is checked, duplicates too; the graph keeps the first of each name.
        int[][] dependencyIndices = new int[unique.size()][];
        int next = 0;
        // seenBy[d] == i + 1 once definition i has listed dependency d: duplicate detection without
        // a set per job (names map one-to-one to indices, so this is the same test by name).
        int[] seenBy = new int[unique.size()];
        for (int i = 0; i < jobs.size(); i++) {
            JobDefinition job = jobs.get(i);
            requireText(job, "description", job.description(), problems);
            requireText(job, "group", job.group(), problems);
            ParamDeclarations.check(job, problems);
            if (declaredGroups != null && !isBlank(job.group()) && !groupNames.contains(job.group())) {
                problems.add(CatalogProblem.of(
                        "Unknown group: " + job.group() + " (job " + job.name() + ")"));
            }
            int[] dependencies = resolveDependencies(job, i + 1, index, seenBy, problems);
            if (first[i]) {
                dependencyIndices[next++] = dependencies;
            }
        }

        JobGraph graph = JobGraph.of(dependencyIndices);
        for (int[] cycle : graph.cycles()) {
            List<String> path = new ArrayList<>(cycle.length);
            for (int j : cycle) {
                path.add(unique.get(j).name());
            }
            problems.add(CatalogProblem.cycle(path));
        }
        return new CatalogValidation(groups, unique, index, graph, problems);
    }

    private static int[] resolveDependencies(JobDefinition job, int stamp,
                                             Map<String, Integer> index, int[] seenBy,
                                             List<CatalogProblem> problems) {
        List<String> names = job.dependencies();
        int[] resolved = new int[names.size()];
        int count = 0;
        for (int k = 0; k < names.size(); k++) {
            String dependency = names.get(k);
            Integer target = index.get(dependency);
            if (target == null) {
                problems.add(CatalogProblem.of(
                        "Dependency not found: " + dependency + " (required by " + job.name() + ")"));
            } else if (seenBy[target] == stamp) {
                problems.add(CatalogProblem.of(
                        "Job " + job.name() + ": dependency '" + dependency + "' is listed twice"));
            } else {
                seenBy[target] = stamp;
                resolved[count++] = target;
            }
        }
        return count == resolved.length ? resolved : Arrays.copyOf(resolved, count);
    }

    private static Set<String> groupNames(List<JobGroup> groups, List<CatalogProblem> problems) {
        Set<String> names = new HashSet<>();
        for (JobGroup group : groups) {
            if (!names.add(group.name())) {
                problems.add(CatalogProblem.of("Duplicate group name: " + group.name()));
            }
        }
        return names;
    }

    private static List<JobGroup> inferGroups(List<JobDefinition> jobs) {
        Map<String, JobGroup> groups = new LinkedHashMap<>();
        for (JobDefinition job : jobs) {
            if (!isBlank(job.group())) {
                groups.computeIfAbsent(job.group(), name -> new JobGroup(name, name, ""));
            }
        }
        return List.copyOf(groups.values());
    }

    private static void requireText(JobDefinition job, String field, String value,
                                    List<CatalogProblem> problems) {
        if (isBlank(value)) {
            problems.add(CatalogProblem.of(
                    "Job " + job.name() + ": missing required field '" + field + "'"));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
