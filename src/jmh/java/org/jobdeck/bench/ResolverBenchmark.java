package org.jobdeck.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.catalog.JobDefinition;
import org.jobdeck.core.catalog.JobGroup;
import org.jobdeck.core.plan.DependencyResolver;
import org.jobdeck.core.plan.Plan;
import org.jobdeck.core.plan.PlanEntry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Dependency resolution, Jobdeck against JGraphT, on the same synthetic layered DAG.
 *
 * <ul>
 *   <li>{@link #jobdeckResolveAll}: JobDefinitions from the input, {@code JobCatalog.of}
 *       (validation, CSR graph, Kahn pass), {@code resolveAll()}, every {@link PlanEntry}
 *       materialised.</li>
 *   <li>{@link #jgraphtTopologicalOrder}: the baseline. A {@link SimpleDirectedGraph} of job
 *       names with an edge dependency -> job, then a full {@link TopologicalOrderIterator} pass.
 *       That is what the JGraphT docs and most users reach for to topologically sort; it also
 *       rejects unknown vertices, self-loops and (at the end of the iteration) cycles.</li>
 *   <li>{@link #jgraphtDagTopologicalOrder}: for context only, the same with
 *       {@link DirectedAcyclicGraph}, which checks for a cycle on every added edge.</li>
 *   <li>{@link #jobdeckGroupPlanDefault} and {@link #jobdeckParseDefaultCatalog}: the 17-job
 *       default catalog, for scale.</li>
 * </ul>
 *
 * Run: {@code mvn -B -q -Pbench -DskipTests compile exec:exec -Djmh.args="ResolverBenchmark"}.
 * The annotations hold the defaults used for BENCHMARKS.md; command-line options override them.
 * At 100,000 jobs one JGraphT operation takes longer than a 1 s iteration, so each of its
 * iterations is a single operation; the median over iterations is what BENCHMARKS.md reports.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// G1 (the JDK default) with the heap this 24 GB machine would get by default (~6 GB), fixed and
// pre-touched: heap resizing and first-touch page faults (slow in this VM) stay out of the
// measurements. Options given on the command line (-jvmArgsAppend) replace these.
@Fork(value = 2, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
public class ResolverBenchmark {

    /**
     * The synthetic input, generated once per trial (per fork and size). Each side has its own
     * state class so that a fork runs, before measuring, only the code of the side it measures:
     * the one-off check of the other library would leave its garbage and its JIT profiles behind.
     */
    @State(Scope.Benchmark)
    public abstract static class Input {
        @Param({"10000", "100000"})
        public int jobs;

        SyntheticDag dag;

        void generate(Consumer<SyntheticDag> check) {
            dag = SyntheticDag.generate(jobs);
            check.accept(dag);
            System.out.println("# Input: " + dag);
            // Promote the input (and drop the check's garbage) before the first iteration, so
            // no measured young collection has to copy it.
            System.gc();
        }
    }

    public static class JobdeckInput extends Input {
        @Setup(Level.Trial)
        public void setup() {
            generate(ResolverBenchmark::checkJobdeck);
        }
    }

    public static class JgraphtInput extends Input {
        @Setup(Level.Trial)
        public void setup() {
            generate(ResolverBenchmark::checkJgrapht);
        }
    }

    /** The default catalog, read and validated once per trial. */
    @State(Scope.Benchmark)
    public static class DefaultCatalog {
        DependencyResolver resolver;

        @Setup(Level.Trial)
        public void read() {
            resolver = new DependencyResolver(CatalogReader.readDefault().toCatalog());
        }
    }

    @Benchmark
    public void jobdeckResolveAll(JobdeckInput state, Blackhole bh) {
        bh.consume(jobdeckResolveAll(state.dag));
    }

    @Benchmark
    public void jgraphtTopologicalOrder(JgraphtInput state, Blackhole bh) {
        Graph<String, DefaultEdge> graph = new SimpleDirectedGraph<>(DefaultEdge.class);
        bh.consume(iterate(fill(graph, state.dag), bh));
    }

    @Benchmark
    public void jgraphtDagTopologicalOrder(JgraphtInput state, Blackhole bh) {
        Graph<String, DefaultEdge> graph = new DirectedAcyclicGraph<>(DefaultEdge.class);
        bh.consume(iterate(fill(graph, state.dag), bh));
    }

    /** The plan of the "feed" group with its entries; the resolver is built in setup. */
    @Benchmark
    public long jobdeckGroupPlanDefault(DefaultCatalog state) {
        return consume(state.resolver.resolveGroup("feed"));
    }

    /** Reading, parsing and validating the default catalog resource. */
    @Benchmark
    public JobCatalog jobdeckParseDefaultCatalog() {
        return CatalogReader.readDefault().toCatalog();
    }

    // ---------------------------------------------------------------------------------------

    static long jobdeckResolveAll(SyntheticDag dag) {
        return consume(resolveAll(dag));
    }

    /** Groups and JobDefinitions from the input, catalog (with validation), plan of all jobs. */
    static Plan resolveAll(SyntheticDag dag) {
        List<JobGroup> groups = new ArrayList<>(dag.groupNames.size());
        for (String group : dag.groupNames) {
            groups.add(new JobGroup(group, group, ""));
        }
        List<JobDefinition> jobs = new ArrayList<>(dag.jobs);
        int i = 0;
        for (Map.Entry<String, List<String>> job : dag.dependencies.entrySet()) {
            jobs.add(JobDefinition.of(job.getKey(), SyntheticDag.DESCRIPTION, dag.groupOf(i++),
                    job.getValue(), Map.of(), List.of()));
        }
        JobCatalog catalog = JobCatalog.of(groups, jobs);
        return new DependencyResolver(catalog).resolveAll();
    }

    /** Sum of waves and requiredBy sizes over the materialised entries. */
    static long consume(Plan plan) {
        long sum = 0;
        for (PlanEntry entry : plan.entries()) {
            sum += entry.wave() + entry.requiredBy().size();
        }
        return sum;
    }

    static Graph<String, DefaultEdge> fill(Graph<String, DefaultEdge> graph, SyntheticDag dag) {
        for (String job : dag.dependencies.keySet()) {
            graph.addVertex(job);
        }
        for (Map.Entry<String, List<String>> job : dag.dependencies.entrySet()) {
            for (String dependency : job.getValue()) {
                graph.addEdge(dependency, job.getKey());
            }
        }
        return graph;
    }

    static int iterate(Graph<String, DefaultEdge> graph, Blackhole bh) {
        int count = 0;
        TopologicalOrderIterator<String, DefaultEdge> order = new TopologicalOrderIterator<>(graph);
        while (order.hasNext()) {
            String job = order.next();
            if (bh != null) {
                bh.consume(job);
            }
            count++;
        }
        return count;
    }

    // --- one-off checks that both sides compute what they claim, on the benchmark input -----

    static void checkJobdeck(SyntheticDag dag) {
        List<PlanEntry> entries = resolveAll(dag).entries();
        require(entries.size() == dag.jobs, "Jobdeck plan has " + entries.size() + " entries");
        Map<String, PlanEntry> byName = new HashMap<>();
        int requiredBy = 0;
        int lastWave = 0;
        for (PlanEntry entry : entries) {
            byName.put(entry.jobName(), entry);
            requiredBy += entry.requiredBy().size();
            require(entry.wave() >= lastWave, "waves not ascending at " + entry.jobName());
            lastWave = entry.wave();
        }
        require(requiredBy == dag.dependencyCount, "requiredBy sizes sum to " + requiredBy);
        require(lastWave == dag.layers - 1, "last wave " + lastWave + ", layers " + dag.layers);
        for (Map.Entry<String, List<String>> job : dag.dependencies.entrySet()) {
            PlanEntry entry = byName.get(job.getKey());
            for (String dependency : job.getValue()) {
                require(byName.get(dependency).position() < entry.position(),
                        dependency + " not before " + job.getKey());
            }
        }
    }

    static void checkJgrapht(SyntheticDag dag) {
        Graph<String, DefaultEdge> graph = fill(new SimpleDirectedGraph<>(DefaultEdge.class), dag);
        require(graph.edgeSet().size() == dag.dependencyCount, "JGraphT edge count");
        require(iterate(graph, null) == dag.jobs, "JGraphT iteration count");
        Map<String, Integer> position = new HashMap<>();
        new TopologicalOrderIterator<>(graph)
                .forEachRemaining(job -> position.put(job, position.size()));
        for (Map.Entry<String, List<String>> job : dag.dependencies.entrySet()) {
            for (String dependency : job.getValue()) {
                require(position.get(dependency) < position.get(job.getKey()),
                        "JGraphT: " + dependency + " not before " + job.getKey());
            }
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("benchmark input check failed: " + message);
        }
    }
}
