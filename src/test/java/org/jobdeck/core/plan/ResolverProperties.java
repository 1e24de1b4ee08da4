package org.jobdeck.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jobdeck.core.catalog.CatalogDocument;
import org.jobdeck.core.catalog.CatalogProblem;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.core.catalog.InvalidCatalogException;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.catalog.JobDefinition;
import org.jobdeck.core.catalog.JobGroup;

/**
 * Plans of random DAGs against an independent oracle, and cycle reports of random cyclic graphs.
 *
 * <p>Jobs get ids 0..n-1 and may depend only on lower ids, so every generated graph is acyclic;
 * they are then declared in a shuffled order, so declaration order and topological order differ.
 */
class ResolverProperties {
    private static final int TRIES = 150;
    private static final String CYCLE_PREFIX = "Circular dependency detected: ";

    // ---------------------------------------------------------------- plans of random DAGs

    @Property(tries = TRIES)
    void resolveAllPlansEveryJobInWaveThenDeclarationOrder(@ForAll("dags") Dag dag) {
        Plan plan = dag.resolver().resolveAll();

        assertThat(plan.scope()).isEqualTo(PlanScope.ALL);
        assertThat(plan.group()).isEmpty();
        assertThat(plan.requestedJobs()).isEmpty();
        assertPlan(dag, plan, dag.allIds());
    }

    @Property(tries = TRIES)
    void resolveGroupPlansTheGroupAndEverythingItNeeds(@ForAll("dags") Dag dag,
                                                       @ForAll @IntRange(min = 0, max = 1_000) int pick) {
        List<JobGroup> groups = dag.catalog().groups();
        String group = groups.get(pick % groups.size()).name();

        Plan plan = dag.resolver().resolveGroup(group);

        assertThat(plan.scope()).isEqualTo(PlanScope.GROUP);
        assertThat(plan.group()).contains(group);
        Set<Integer> members = new HashSet<>();
        for (int id = 0; id < dag.size(); id++) {
            if (dag.groupName(id).equals(group)) {
                members.add(id);
            }
        }
        assertPlan(dag, plan, members);
    }

    @Property(tries = TRIES)
    void resolveJobsPlansTheNamedJobsAndEverythingTheyNeed(
            @ForAll("dags") Dag dag,
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 10_000) Integer> picks) {
        List<String> names = new ArrayList<>();
        Set<Integer> members = new LinkedHashSet<>();
        for (int pick : picks) {
            int id = pick % dag.size();
            names.add(dag.name(id));
            members.add(id);
        }

        Plan plan = dag.resolver().resolveJobs(names);

        assertThat(plan.scope()).isEqualTo(PlanScope.JOBS);
        assertThat(plan.requestedJobs()).containsExactlyElementsOf(members.stream().map(dag::name).toList());
        assertPlan(dag, plan, members);
    }

    /** Checks a plan against the definitions: closure, order, reasons, waves and requiredBy. */
    private static void assertPlan(Dag dag, Plan plan, Set<Integer> selected) {
        Set<Integer> closure = dag.closure(selected);
        int[] wave = dag.waves();
        List<PlanEntry> entries = plan.entries();

        // Exactly the transitive closure of the selection, each job once.
        assertThat(entries).extracting(PlanEntry::jobName)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(closure.stream().map(dag::name).toList());
        assertThat(plan.size()).isEqualTo(closure.size());
        assertThat(plan.memberCount()).isEqualTo(selected.size());

        Map<String, PlanEntry> byName = new HashMap<>();
        for (int k = 0; k < entries.size(); k++) {
            PlanEntry entry = entries.get(k);
            assertThat(entry.position()).as("position of %s", entry.jobName()).isEqualTo(k + 1);
            byName.put(entry.jobName(), entry);
        }

        for (PlanEntry entry : entries) {
            int id = dag.idOf(entry.jobName());
            assertThat(entry.group()).isEqualTo(dag.groupName(id));
            assertThat(entry.reason()).as("reason of %s", entry.jobName())
                    .isEqualTo(selected.contains(id) ? InclusionReason.MEMBER : InclusionReason.DEPENDENCY);

            // Topological: every dependency is in the plan and comes earlier.
            int expectedWave = 0;
            for (int dependency : dag.deps(id)) {
                PlanEntry before = byName.get(dag.name(dependency));
                assertThat(before).as("%s needs %s", entry.jobName(), dag.name(dependency)).isNotNull();
                assertThat(before.position()).isLessThan(entry.position());
                expectedWave = Math.max(expectedWave, before.wave() + 1);
            }
            // Wave: 0 without dependencies, else 1 + the highest wave among them.
            assertThat(entry.wave()).as("wave of %s", entry.jobName())
                    .isEqualTo(expectedWave)
                    .isEqualTo(wave[id]);

            // requiredBy: the plan's jobs that depend on this one directly, in declaration order.
            List<String> dependents = closure.stream()
                    .filter(other -> dag.deps(other).contains(id))
                    .sorted(Comparator.comparingInt(dag::declarationIndex))
                    .map(dag::name)
                    .toList();
            assertThat(entry.requiredBy()).as("requiredBy of %s", entry.jobName())
                    .containsExactlyElementsOf(dependents);
        }

        // Order rule: wave by wave, ties by declaration order.
        for (int k = 1; k < entries.size(); k++) {
            PlanEntry previous = entries.get(k - 1);
            PlanEntry current = entries.get(k);
            assertThat(previous.wave()).isLessThanOrEqualTo(current.wave());
            if (previous.wave() == current.wave()) {
                assertThat(dag.declarationIndex(dag.idOf(previous.jobName())))
                        .as("%s and %s share wave %d", previous.jobName(), current.jobName(), current.wave())
                        .isLessThan(dag.declarationIndex(dag.idOf(current.jobName())));
            }
        }
    }

    // ---------------------------------------------------------------- random cyclic graphs

    @Property(tries = TRIES)
    void cyclicGraphsAreRejectedWithRealCycles(@ForAll("cyclicGraphs") CyclicGraph graph) {
        CatalogDocument document = CatalogReader.parse(graph.json(), "random.json");

        assertThat(document.isValid()).isFalse();
        List<CatalogProblem> cycles = document.problems().stream()
                .filter(p -> p.message().startsWith(CYCLE_PREFIX)).toList();
        assertThat(cycles).isNotEmpty();
        assertThat(document.problems()).as("a cyclic graph has no other problem").hasSameSizeAs(cycles);

        for (CatalogProblem problem : cycles) {
            List<String> path = problem.cycle();
            assertThat(problem.message()).isEqualTo(CYCLE_PREFIX + String.join(" -> ", path));
            assertThat(path).hasSizeGreaterThanOrEqualTo(2);
            assertThat(path.get(path.size() - 1)).as("closed on its first job").isEqualTo(path.get(0));
            assertThat(path.subList(0, path.size() - 1)).as("a simple cycle").doesNotHaveDuplicates();
            for (int k = 0; k + 1 < path.size(); k++) {
                assertThat(graph.deps(graph.dag().idOf(path.get(k))))
                        .as("%s depends on %s", path.get(k), path.get(k + 1))
                        .contains(graph.dag().idOf(path.get(k + 1)));
            }
        }

        // At least one reported cycle in every strongly connected component that holds one.
        for (Set<Integer> component : graph.cyclicComponents()) {
            assertThat(cycles)
                    .as("a cycle reported inside component %s", component)
                    .anySatisfy(problem -> assertThat(problem.cycle())
                            .allSatisfy(name -> assertThat(component).contains(graph.dag().idOf(name))));
        }

        assertThatThrownBy(document::toCatalog)
                .isInstanceOfSatisfying(InvalidCatalogException.class,
                        e -> assertThat(e.problems()).containsExactlyElementsOf(document.problems()));
        assertThatThrownBy(() -> JobCatalog.of(null, graph.definitions()))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining(CYCLE_PREFIX);
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<Dag> dags() {
        return Arbitraries.integers().between(1, 60).flatMap(n -> {
            Arbitrary<List<List<Integer>>> rawDeps = Arbitraries.integers().between(0, 1_000_000)
                    .list().ofMaxSize(3).list().ofSize(n);
            Arbitrary<List<Integer>> declared = Arbitraries.shuffle(
                    IntStream.range(0, n).boxed().toList());
            Arbitrary<List<Integer>> groups = Arbitraries.integers().between(0, 3).list().ofSize(n);
            Arbitrary<Boolean> declareGroups = Arbitraries.of(true, false);
            return Combinators.combine(rawDeps, declared, groups, declareGroups)
                    .as((raw, order, groupOf, declare) -> Dag.of(raw, order, groupOf, declare));
        });
    }

    @Provide
    Arbitrary<CyclicGraph> cyclicGraphs() {
        return dags().flatMap(dag -> Arbitraries.integers().between(0, 1_000_000)
                .tuple2().list().ofMinSize(1).ofMaxSize(3)
                .map(picks -> CyclicGraph.of(dag, picks)));
    }

    /** An acyclic job graph with ids 0..n-1, where job i depends only on lower ids. */
    record Dag(List<Set<Integer>> deps, List<Integer> declared, List<Integer> groupOf,
               boolean declareGroups) {

        static Dag of(List<List<Integer>> raw, List<Integer> declared, List<Integer> groupOf,
                      boolean declareGroups) {
            List<Set<Integer>> deps = new ArrayList<>();
            for (int id = 0; id < raw.size(); id++) {
                Set<Integer> own = new TreeSet<>();
                for (int r : raw.get(id)) {
                    if (id > 0) {
                        own.add(r % id);
                    }
                }
                deps.add(own);
            }
            return new Dag(deps, declared, groupOf, declareGroups);
        }

        int size() {
            return deps.size();
        }

        String name(int id) {
            return "job-" + id;
        }

        int idOf(String name) {
            return Integer.parseInt(name.substring("job-".length()));
        }

        String groupName(int id) {
            return "g" + groupOf.get(id);
        }

        Set<Integer> deps(int id) {
            return deps.get(id);
        }

        int declarationIndex(int id) {
            return declared.indexOf(id);
        }

        Set<Integer> allIds() {
            Set<Integer> all = new HashSet<>();
            IntStream.range(0, size()).forEach(all::add);
            return all;
        }

        /** The oracle's waves: ids ascend along every dependency edge, so one pass suffices. */
        int[] waves() {
            int[] wave = new int[size()];
            for (int id = 0; id < size(); id++) {
                for (int dependency : deps(id)) {
                    wave[id] = Math.max(wave[id], wave[dependency] + 1);
                }
            }
            return wave;
        }

        Set<Integer> closure(Set<Integer> selected) {
            Set<Integer> closure = new HashSet<>(selected);
            List<Integer> work = new ArrayList<>(selected);
            while (!work.isEmpty()) {
                for (int dependency : deps(work.remove(work.size() - 1))) {
                    if (closure.add(dependency)) {
                        work.add(dependency);
                    }
                }
            }
            return closure;
        }

        List<JobDefinition> definitions(List<Set<Integer>> dependencies) {
            return declared.stream()
                    .map(id -> JobDefinition.of(name(id), "job number " + id, groupName(id),
                            dependencies.get(id).stream().map(this::name).toList(), Map.of(),
                            List.of("jobdeck enqueue --job " + name(id))))
                    .toList();
        }

        /** Groups g0..g4 (g4 and possibly others empty) when declared, else null to infer them. */
        List<JobGroup> groups() {
            return declareGroups
                    ? IntStream.range(0, 5).mapToObj(g -> new JobGroup("g" + g, "Group " + g, "")).toList()
                    : null;
        }

        JobCatalog catalog() {
            return JobCatalog.of(groups(), definitions(deps));
        }

        DependencyResolver resolver() {
            return new DependencyResolver(catalog());
        }

        @Override
        public String toString() {
            Map<String, List<String>> shown = new LinkedHashMap<>();
            for (int id : declared) {
                shown.put(name(id) + "@" + groupName(id), deps(id).stream().map(this::name).toList());
            }
            return "Dag" + shown + (declareGroups ? " with declared groups" : "");
        }
    }

    /** A DAG plus back edges: each makes job a depend on a job b that already needs a. */
    record CyclicGraph(Dag dag, List<Set<Integer>> cyclicDeps) {
        private static final ObjectMapper JSON = new ObjectMapper();

        static CyclicGraph of(Dag dag, List<Tuple.Tuple2<Integer, Integer>> picks) {
            List<Set<Integer>> deps = new ArrayList<>();
            dag.deps().forEach(own -> deps.add(new TreeSet<>(own)));
            for (Tuple.Tuple2<Integer, Integer> pick : picks) {
                int b = pick.get1() % dag.size();
                List<Integer> needed = new ArrayList<>(new TreeSet<>(dag.closure(Set.of(b))));
                int a = needed.get(pick.get2() % needed.size());
                deps.get(a).add(b); // a == b gives a self-dependency
            }
            return new CyclicGraph(dag, deps);
        }

        Set<Integer> deps(int id) {
            return cyclicDeps.get(id);
        }

        List<JobDefinition> definitions() {
            return dag.definitions(cyclicDeps);
        }

        String json() {
            List<Map<String, Object>> jobs = new ArrayList<>();
            for (JobDefinition job : definitions()) {
                Map<String, Object> node = new LinkedHashMap<>();
                node.put("name", job.name());
                node.put("description", job.description());
                node.put("group", job.group());
                node.put("dependencies", job.dependencies());
                node.put("examples", job.examples());
                jobs.add(node);
            }
            try {
                return JSON.writeValueAsString(Map.of("jobs", jobs));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Strongly connected components that hold a cycle, by mutual reachability. */
        List<Set<Integer>> cyclicComponents() {
            int n = dag.size();
            List<Set<Integer>> reach = new ArrayList<>();
            for (int id = 0; id < n; id++) {
                Set<Integer> seen = new HashSet<>();
                List<Integer> work = new ArrayList<>(deps(id));
                while (!work.isEmpty()) {
                    int next = work.remove(work.size() - 1);
                    if (seen.add(next)) {
                        work.addAll(deps(next));
                    }
                }
                reach.add(seen);
            }
            List<Set<Integer>> components = new ArrayList<>();
            Set<Integer> assigned = new HashSet<>();
            for (int id = 0; id < n; id++) {
                if (assigned.contains(id) || !reach.get(id).contains(id)) {
                    continue;
                }
                Set<Integer> component = new TreeSet<>();
                for (int other = 0; other < n; other++) {
                    if (reach.get(id).contains(other) && reach.get(other).contains(id)) {
                        component.add(other);
                    }
                }
                assigned.addAll(component);
                components.add(component);
            }
            return components;
        }

        @Override
        public String toString() {
            Map<String, Set<Integer>> shown = new LinkedHashMap<>();
            for (int id : dag.declared()) {
                shown.put(dag.name(id), deps(id));
            }
            return "CyclicGraph" + shown;
        }
    }
}
