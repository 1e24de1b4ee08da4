package org.jobdeck.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.jobdeck.api.EnqueueRequest;
import org.jobdeck.api.PlanRequest;
import org.jobdeck.api.RunFilter;
import org.jobdeck.api.RunView;
import org.jobdeck.client.EmbeddedJobsApi;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.queue.handler.HandlerRegistry;
import org.jobdeck.queue.store.DatabaseUrl;
import org.jobdeck.ui.Theme;
import org.jobdeck.ui.monitor.ActiveJobsViewModel;
import org.jobdeck.ui.monitor.ActiveJobsWindow;
import org.jobdeck.ui.monitor.RunRow;
import org.jobdeck.ui.util.FxTaskExecutor;
import org.jobdeck.ui.util.FxToolkit;

/**
 * Issue 4: "The Active Jobs monitor stays smooth with 10,000 runs and 200 changes per second."
 *
 * <p>Headless (Monocle, software rendering, as {@link FxToolkit#startHeadless} sets up). Each
 * round: a fresh in-memory H2 database holding the default catalog enqueued 589 times (10,013
 * runs, no workers), opened through the real {@link EmbeddedJobsApi}; the real
 * {@link ActiveJobsWindow} and {@link ActiveJobsViewModel} on a 1440x900 stage load the newest
 * 10,000 (checked: 10,000 items in the table, and its visible rows rendered). Then two phases:
 * {@code idle} (the window alone) and {@code changes} (a {@link ChangeDriver} claims and completes
 * runs through the real {@code RunStore} at 200 changes/s, as a worker does; they reach the window
 * through the API's subscription, {@code RunFeed}, exactly as in the console). An
 * {@link FxStallProbe} measures the FX thread's stalls (runLater pings every 5 ms, merged into
 * stalls; pulse gaps), a {@link TimedTaskExecutor} the FX time of each feed batch the view model
 * applies, and {@link ThreadCpu} how busy the FX thread and the renderer were. At the end every
 * row is checked against the database. Last, {@code baseline}: the same probe on a plain window
 * of the same size with one indeterminate progress bar, for what a frame costs in this pipeline
 * without Jobdeck.
 *
 * <p>Run: {@code mvn -B -q -Pbench -DskipTests clean compile exec:exec
 * -Dbench.main=org.jobdeck.bench.ActiveJobsStallBenchmark -Djmh.args="--rounds=3"}. Options:
 * {@code --rounds=3} (after one warm-up round), {@code --seconds=30} (changes phase),
 * {@code --idle-seconds=10}, {@code --rate=200} (store changes per second), {@code --batches=589},
 * {@code --filter=all} (the state filter), {@code --sort=Run} (a column sorted, by its title),
 * {@code --select} (a row selected: its detail reloads on each change), {@code --complete-at-once}
 * (no run stays running between ticks), {@code --pulse-log} (JavaFX's pulse logger, pulses over
 * 40 ms), {@code --trace-feed} (print every batch the feed delivers), {@code --sample-fx} (where
 * the FX thread's and the renderer's wall time goes, by stack samples), {@code --prism.NAME=VALUE}
 * (a Prism system property, e.g. {@code --prism.dirtyopts=false}). The warm-up round also
 * checks where a batch enqueued last shows up in the table.
 */
public final class ActiveJobsStallBenchmark {
    private static final int WIDTH = 1440;
    private static final int HEIGHT = 900;
    private static final int RUNS_SHOWN = RunFilter.MAX_LIMIT; // the view model loads the newest 10,000
    /** RunFeed's overlap: runs changed this recently are delivered again when a feed starts. */
    private static final long FEED_OVERLAP_MILLIS = 3_000;
    private static final String FX_THREAD = "JavaFX Application Thread";
    private static final String RENDERER = "QuantumRenderer";
    private static final String FEED = "jobdeck-run-feed";

    private final Map<String, List<Double>> results = new LinkedHashMap<>();
    private final List<String> tableLines = new ArrayList<>();
    private final Options options;
    private final String[] args;
    private final GcWatch gc = new GcWatch();

    private ActiveJobsStallBenchmark(Options options, String[] args) {
        this.options = options;
        this.args = args;
    }

    public static void main(String[] args) {
        BenchHarness.run(() -> stallBenchmark(args));
    }

    private static void stallBenchmark(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options.pulseLog) {
            System.setProperty("javafx.pulseLogger", "true");
            System.setProperty("javafx.pulseLogger.threshold", "40");
        }
        for (String arg : args) {
            if (arg.startsWith("--prism.")) { // diagnostics, e.g. --prism.dirtyopts=false (full redraw every frame)
                String[] pair = arg.substring(2).split("=", 2);
                System.setProperty(pair[0], pair.length > 1 ? pair[1] : "true");
            }
        }
        FxToolkit.startHeadless();
        FxToolkit.call(() -> {
            Theme.apply(false);
            return null;
        });
        new ActiveJobsStallBenchmark(options, args).run();
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "ActiveJobsStallBenchmark: %s; %d cores, JDK %s, max heap %d MB, prism.order=%s,"
                        + " glass=%s, monocle=%s, headless.geometry=%s%n", options,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("prism.order"),
                System.getProperty("glass.platform"), System.getProperty("monocle.platform"),
                System.getProperty("headless.geometry"));
        for (int round = 0; round <= options.rounds; round++) {
            round(round == 0 ? "warm-up" : "round " + round, round > 0);
        }
        System.out.println();
        System.out.println("| measure (over " + options.rounds + " rounds) | median | min | max |");
        System.out.println("|---|---:|---:|---:|");
        results.forEach((name, values) -> {
            Stats stats = Stats.of(values);
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", name, stats.median(), stats.min(), stats.max());
        });
        System.out.println();
        System.out.println("| round | phase | rows in table | store changes/s | snapshots to the view/s | longest FX stall ms"
                + " | FX stalls >16 / >50 / >100 ms | runLater delay p99 / max ms | longest pulse gap ms"
                + " | frames rendered/s | CPU: FX thread | renderer | JVM | load avg |");
        System.out.println("|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        tableLines.forEach(System.out::println);
        System.out.println();
        System.out.println("Command: mvn -B -q -Pbench -DskipTests clean compile exec:exec"
                + " -Dbench.main=" + ActiveJobsStallBenchmark.class.getName()
                + " -Djmh.args=\"" + String.join(" ", args) + "\"");
    }

    private void round(String label, boolean keep) throws Exception {
        JobCatalog catalog = CatalogReader.readDefault().toCatalog();
        DatabaseUrl url = DatabaseUrl.parse("jdbc:h2:mem:jobdeck-stall-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (EmbeddedJobsApi api = EmbeddedJobsApi.open(catalog, url, new HandlerRegistry(), null);
             FxTaskExecutor fx = new FxTaskExecutor()) {
            long enqueueStart = System.nanoTime();
            List<String> batches = new ArrayList<>();
            for (int i = 0; i < options.batches; i++) {
                batches.add(api.enqueue(EnqueueRequest.of(PlanRequest.all(), "bench")).batchId());
            }
            long enqueued = System.nanoTime();
            int stored = api.counts().values().stream().mapToInt(Integer::intValue).sum();
            if (stored < RUNS_SHOWN) {
                throw new IllegalStateException("only " + stored + " runs stored; the monitor must show " + RUNS_SHOWN);
            }
            // Not measured: let the runs age past the feed's overlap, so the window's initial load
            // brings them (as when the console opens on an existing queue) rather than the feed.
            long wait = FEED_OVERLAP_MILLIS + 200 - (System.nanoTime() - enqueued) / 1_000_000;
            if (wait > 0) {
                Thread.sleep(wait);
            }

            CountingJobsApi counted = new CountingJobsApi(api, options.traceFeed);
            TimedTaskExecutor executor = new TimedTaskExecutor(fx);
            FxStallProbe probe = new FxStallProbe();
            Opened opened = open(counted, executor, probe);
            FxToolkit.await("10,000 rows", 120_000, () -> opened.loaded[0] != 0);
            FxToolkit.await("a frame after the load", 60_000, () -> probe.lastFrameNanos() > opened.loaded[0]);
            double loadMillis = (opened.loaded[0] - opened.start) / 1e6;
            double renderMillis = (FxToolkit.call(probe::lastFrameNanos) - opened.start) / 1e6;
            double loadGap = Stats.of(FxToolkit.call(probe::frameGaps)).max();
            double loadCallback = Stats.of(FxToolkit.call(executor::takeCallbacks)).max();
            String shown = FxToolkit.call(() -> tableCheck(opened.window, false));
            System.out.printf(Locale.ROOT, "%-8s %d runs stored (enqueue %.1f s); initial load: %.0f ms to 10,000 rows,"
                            + " %.0f ms to the next frame; longest frame gap meanwhile %.0f ms; the load's FX callback"
                            + " %.0f ms; table: %s%n",
                    label, stored, (enqueued - enqueueStart) / 1e9, loadMillis, renderMillis, loadGap, loadCallback, shown);
            if (keep) {
                keep("initial load: window opened to 10,000 rows (ms)", loadMillis);
                keep("initial load: to the next frame (ms)", renderMillis);
                keep("initial load: longest frame gap (ms)", loadGap);
                keep("initial load: FX callback adding the rows (ms)", loadCallback);
            }
            FxToolkit.call(() -> {
                configure(opened.window);
                return null;
            });

            measure(label, "idle", keep, opened.window, probe, executor, counted, () -> Thread.sleep(options.idleSeconds * 1_000L),
                    null, null);
            ChangeDriver driver = new ChangeDriver(api.store(), batches, options.completeAtOnce);
            measure(label, "changes", keep, opened.window, probe, executor, counted, () -> {
                driver.start(options.rate);
                Thread.sleep(options.seconds * 1_000L); // the measured period: the driver works meanwhile
                driver.close();
                Thread.sleep(2_000); // the feed polls every 0.5 s at most: the last changes reach the window
            }, driver, () -> {
                int mismatches = mismatches(api, opened.window);
                String table = FxToolkit.call(() -> tableCheck(opened.window, !"all".equals(options.filter)));
                double rate = driver.changes() / (double) options.seconds;
                System.out.printf(Locale.ROOT, "           %d store changes in %d s (%.0f/s%s, %d ticks over 10 ms);"
                                + " rows differing from the database at the end: %d; table: %s%n",
                        driver.changes(), options.seconds, rate, rate < options.rate * 0.95
                                ? ": BELOW the " + options.rate + "/s asked, the driver could not keep up" : "",
                        driver.slowTicks(), mismatches, table);
                if (keep) {
                    keep("changes: rows differing from the database at the end", mismatches);
                }
            });
            if (options.traceFeed) {
                System.out.println("           feed deliveries (s since start:runs): " + counted.traced());
            }
            if (!keep && "all".equals(options.filter)) { // a filtered table need not show a new batch
                reportOrder(api, opened.window);
            }
            FxToolkit.call(() -> {
                probe.stop();
                opened.window.stage().close(); // closes the view model's subscription
                return null;
            });
            baseline(label, keep);
        } finally {
            drop(url);
        }
    }

    /**
     * The same probe on a plain window of the same size holding only an indeterminate progress
     * bar (one animated node, as a running run's row has): what a frame costs in this pipeline
     * (headless Monocle, software rendering) with no Jobdeck code at all.
     */
    private void baseline(String label, boolean keep) throws Exception {
        FxStallProbe probe = new FxStallProbe();
        javafx.stage.Stage stage = FxToolkit.call(() -> {
            javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar(-1);
            bar.setPrefWidth(150);
            javafx.stage.Stage plain = new javafx.stage.Stage();
            plain.setScene(Theme.style(new javafx.scene.Scene(new javafx.scene.layout.StackPane(bar), WIDTH, HEIGHT)));
            plain.show();
            probe.start();
            probe.track(plain.getScene());
            return plain;
        });
        measure(label, "baseline", keep, null, probe, null, null, () -> Thread.sleep(options.idleSeconds * 1_000L),
                null, null);
        FxToolkit.call(() -> {
            probe.stop();
            stage.close();
            return null;
        });
    }

    private record Opened(ActiveJobsWindow window, long start, long[] loaded) {
    }

    /** Items in the table, and table rows actually laid out with a run in them. On the FX thread. */
    /** @param filtered a state filter is set: the table then shows only the runs in that state */
    private static String tableCheck(ActiveJobsWindow window, boolean filtered) {
        TableView<?> table = (TableView<?>) window.stage().getScene().lookup("#runs-table");
        int items = table.getItems().size();
        List<String> visible = table.lookupAll(".table-row-cell").stream()
                .filter(node -> node instanceof TableRow<?> row && row.isVisible() && !row.isEmpty()
                        && row.getItem() != null)
                .map(node -> ((RunRow) ((TableRow<?>) node).getItem()).id())
                .toList();
        if (filtered) {
            return items + " items (filtered), " + visible.size() + " rows rendered";
        }
        if (items < RUNS_SHOWN) {
            throw new IllegalStateException("the table holds " + items + " runs, not " + RUNS_SHOWN);
        }
        if (visible.isEmpty()) {
            throw new IllegalStateException("the table holds " + items + " runs but shows none");
        }
        return items + " items, " + visible.size() + " rows rendered (run " + visible.get(0) + " first)";
    }

    /** What an operator might have set: a state filter, a sorted column, a selected row. */
    @SuppressWarnings("unchecked")
    private void configure(ActiveJobsWindow window) {
        window.model().stateFilterProperty().set(options.filter);
        if (options.sort != null) {
            TableView<RunRow> table = (TableView<RunRow>) window.stage().getScene().lookup("#runs-table");
            table.getColumns().stream().filter(column -> column.getText().equalsIgnoreCase(options.sort))
                    .findFirst().ifPresentOrElse(column -> table.getSortOrder().setAll(column),
                            () -> { throw new IllegalArgumentException("no column " + options.sort); });
        }
        if (options.select && !window.rows().isEmpty()) {
            window.select(window.rows().get(0));
        }
    }

    private static Opened open(CountingJobsApi api, TimedTaskExecutor executor, FxStallProbe probe) throws Exception {
        return FxToolkit.call(() -> {
            probe.start();
            ActiveJobsViewModel model = new ActiveJobsViewModel(api, executor);
            ActiveJobsWindow window = new ActiveJobsWindow(null, model);
            window.stage().setWidth(WIDTH);
            window.stage().setHeight(HEIGHT);
            long[] loaded = new long[1];
            model.rows().addListener((ListChangeListener<RunRow>) change -> {
                if (loaded[0] == 0 && model.rows().size() >= RUNS_SHOWN) {
                    loaded[0] = System.nanoTime();
                }
            });
            long start = System.nanoTime();
            window.show();
            probe.track(window.stage().getScene());
            model.start();
            return new Opened(window, start, loaded);
        });
    }

    @FunctionalInterface
    private interface Phase {
        void run() throws Exception;
    }

    @FunctionalInterface
    private interface After {
        void report() throws Exception;
    }

    /** Runs one phase with the probe reset, then prints and keeps its stall figures. */
    private void measure(String label, String phase, boolean keep, ActiveJobsWindow window, FxStallProbe probe,
                         TimedTaskExecutor executor, CountingJobsApi counted, Phase body, ChangeDriver driver, After after) throws Exception {
        FxToolkit.call(() -> {
            probe.reset();
            if (executor != null) {
                executor.takeUiActions();
                executor.takeUiActionsCpu();
            }
            return null;
        });
        Map<String, Long> cpuBefore = ThreadCpu.sample(FX_THREAD, RENDERER, FEED);
        long deliveredBefore = counted == null ? 0 : counted.delivered();
        FxThreadSampler sampler = options.sampleFx ? new FxThreadSampler(FX_THREAD, RENDERER) : null;
        gc.take();
        long processCpuBefore = processCpuNanos();
        long start = System.nanoTime();
        body.run();
        long[] collections = gc.take();
        double seconds = (System.nanoTime() - start) / 1e9;
        double jvmCpu = (processCpuNanos() - processCpuBefore) / 1e9 / seconds * 100;
        String samples = sampler == null ? null : sampler.take();
        if (sampler != null) {
            sampler.close();
        }
        Map<String, Double> cpu = ThreadCpu.percent(cpuBefore, ThreadCpu.sample(FX_THREAD, RENDERER, FEED), seconds);
        double load = QueueBenchmark.loadAverage();
        Stats gap = Stats.of(FxToolkit.call(probe::frameGaps));
        Stats ping = Stats.of(FxToolkit.call(probe::pingDelays));
        double rendered = FxToolkit.call(probe::renderedFps);
        double renderMsPerFrame = cpu.getOrDefault(RENDERER, 0.0) / 100 * 1e3 / rendered;
        double[] stallArray = FxToolkit.call(probe::stalls);
        Stats stalls = Stats.of(stallArray);
        long over16 = Arrays.stream(stallArray).filter(s -> s > 16).count();
        long over50 = Arrays.stream(stallArray).filter(s -> s > 50).count();
        long over100 = Arrays.stream(stallArray).filter(s -> s > 100).count();
        double stalledShare = Arrays.stream(stallArray).filter(s -> s > 16).sum() / 1e3 / seconds * 100;
        Stats apply = Stats.of(executor == null ? new double[0] : FxToolkit.call(executor::takeUiActions));
        Stats applyCpu = Stats.of(executor == null ? new double[0] : FxToolkit.call(executor::takeUiActionsCpu));
        long snapshots = counted == null ? 0 : counted.delivered() - deliveredBefore;
        double changeSeconds = driver == null ? seconds : options.seconds; // the driver's period, not the drain
        double changesPerSecond = driver == null ? 0 : driver.changes() / changeSeconds;
        int rows = window == null ? 0 : FxToolkit.call(() -> window.rows().size());
        System.out.printf(Locale.ROOT, "  %-8s FX stalls: longest %.1f ms, >16 ms %d, >50 ms %d, >100 ms %d (%.1f%% of the"
                        + " time in stalls >16 ms) | runLater delay ms: p50 %.2f p99 %.1f max %.1f | pulse gap ms: p50"
                        + " %.1f p99 %.1f max %.1f (%.1f pulses/s, %.1f frames rendered/s, renderer %.1f ms CPU/frame)"
                        + " | FX per feed batch ms: wall p50 %.2f p99 %.1f max %.1f, CPU p99 %.1f max %.1f (%d batches, %d"
                        + " snapshots)"
                        + " | CPU %% of a core: JVM %.0f, FX %.0f, renderer %.0f, feed %.0f | GC: %d pauses, longest %d ms"
                        + " | load %.1f%n",
                phase, stalls.max(), over16, over50, over100, stalledShare, ping.median(), ping.percentile(99),
                ping.max(), gap.median(), gap.percentile(99), gap.max(), gap.count() / seconds, rendered,
                renderMsPerFrame, zeroIfEmpty(apply, apply.median()), zeroIfEmpty(apply, apply.percentile(99)),
                zeroIfEmpty(apply, apply.max()), zeroIfEmpty(applyCpu, applyCpu.percentile(99)),
                zeroIfEmpty(applyCpu, applyCpu.max()), apply.count(), snapshots, jvmCpu, cpu.getOrDefault(FX_THREAD, 0.0),
                cpu.getOrDefault(RENDERER, 0.0), cpu.getOrDefault(FEED, 0.0), collections[0], collections[2], load);
        if (samples != null) {
            System.out.println("           wall time by stack samples: " + samples);
        }
        if (after != null) {
            after.report();
        }
        if (keep) {
            tableLines.add(String.format(Locale.ROOT, "| %s | %s | %,d | %.0f | %.0f | %.1f | %d / %d / %d | %.1f / %.1f"
                            + " | %.1f | %.1f | %.0f%% | %.0f%% | %.0f%% | %.1f |",
                    label, phase, rows, changesPerSecond, snapshots / changeSeconds, stalls.max(), over16, over50,
                    over100, ping.percentile(99), ping.max(), gap.max(), rendered, cpu.getOrDefault(FX_THREAD, 0.0),
                    cpu.getOrDefault(RENDERER, 0.0), jvmCpu, load));
            keep(phase + ": longest FX stall (ms)", stalls.max());
            keep(phase + ": FX stalls over 16 ms", over16);
            keep(phase + ": FX stalls over 50 ms", over50);
            keep(phase + ": FX stalls over 100 ms", over100);
            keep(phase + ": share of time in FX stalls over 16 ms (%)", stalledShare);
            keep(phase + ": runLater delay p99 (ms)", ping.percentile(99));
            keep(phase + ": longest runLater delay (ms)", ping.max());
            keep(phase + ": longest pulse gap (ms)", gap.max());
            keep(phase + ": pulse gap p99 (ms)", gap.percentile(99));
            keep(phase + ": pulses per second", gap.count() / seconds);
            keep(phase + ": frames rendered per second", rendered);
            keep(phase + ": renderer CPU per rendered frame (ms)", renderMsPerFrame);
            if (apply.count() > 0) {
                keep(phase + ": FX time per feed batch, p99 (ms)", apply.percentile(99));
                keep(phase + ": FX time per feed batch, max (ms)", apply.max());
                keep(phase + ": FX CPU per feed batch, p99 (ms)", applyCpu.percentile(99));
            }
            if (driver != null) {
                keep(phase + ": store changes per second", changesPerSecond);
                keep(phase + ": run snapshots delivered per second", snapshots / changeSeconds);
            }
            keep(phase + ": FX thread CPU (% of a core)", cpu.getOrDefault(FX_THREAD, 0.0));
            keep(phase + ": renderer thread CPU (% of a core)", cpu.getOrDefault(RENDERER, 0.0));
            keep(phase + ": JVM CPU (% of a core)", jvmCpu);
            keep(phase + ": longest GC pause (ms)", collections[2]);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double zeroIfEmpty(Stats stats, double value) {
        return stats.count() == 0 ? 0 : value;
    }

    /** Where a newly enqueued batch shows up in the table (the rows are documented newest first). */
    private static void reportOrder(EmbeddedJobsApi api, ActiveJobsWindow window) throws Exception {
        String batch = api.enqueue(EnqueueRequest.of(PlanRequest.all(), "bench")).batchId();
        FxToolkit.await("the new batch in the window", 30_000, () -> window.rows().stream()
                .filter(row -> row.batchId().equals(batch)).count() == 17);
        String order = FxToolkit.call(() -> {
            List<RunRow> rows = window.rows();
            int first = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).batchId().equals(batch)) {
                    first = i;
                    break;
                }
            }
            return "table comparator " + (window.model().rows().getComparator() == null ? "null" : "set")
                    + "; a batch enqueued now appears at rows " + first + "-" + (first + 16) + " of " + rows.size();
        });
        System.out.println("           order check: " + order);
    }

    private void keep(String name, double value) {
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    /** Runs the table shows whose state or version differs from the database's newest 10,000. */
    private static int mismatches(EmbeddedJobsApi api, ActiveJobsWindow window) throws Exception {
        List<RunView> stored = api.runs(RunFilter.latest(RUNS_SHOWN));
        return FxToolkit.call(() -> {
            Set<RunRow> shown = Collections.newSetFromMap(new IdentityHashMap<>());
            shown.addAll(window.rows());
            int differing = 0;
            for (RunView run : stored) {
                RunRow row = window.model().row(run.jobRunId());
                if (row == null || !shown.contains(row) || row.version() != run.version()
                        || !run.state().equals(row.stateProperty().get())) {
                    differing++;
                }
            }
            return differing;
        });
    }

    /** Drops the in-memory database (DB_CLOSE_DELAY=-1 keeps it after the pool closes). */
    private static void drop(DatabaseUrl url) {
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            System.err.println("could not drop " + url.display() + ": " + e.getMessage());
        }
    }

    private record Options(int rounds, int seconds, int idleSeconds, int rate, int batches, boolean select,
                           boolean completeAtOnce, boolean pulseLog, String filter, String sort, boolean traceFeed,
                           boolean sampleFx) {
        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String arg : args) {
                if (arg.startsWith("--prism.")) {
                    continue; // a system property, set in main
                }
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("expected --name=value or --flag, got " + arg);
                }
                int equals = arg.indexOf('=');
                values.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals),
                        equals < 0 ? "true" : arg.substring(equals + 1));
            }
            return new Options(Integer.parseInt(values.getOrDefault("rounds", "3")),
                    Integer.parseInt(values.getOrDefault("seconds", "30")),
                    Integer.parseInt(values.getOrDefault("idle-seconds", "10")),
                    Integer.parseInt(values.getOrDefault("rate", "200")),
                    Integer.parseInt(values.getOrDefault("batches", "589")),
                    Boolean.parseBoolean(values.getOrDefault("select", "false")),
                    Boolean.parseBoolean(values.getOrDefault("complete-at-once", "false")),
                    Boolean.parseBoolean(values.getOrDefault("pulse-log", "false")),
                    values.getOrDefault("filter", ActiveJobsViewModel.ALL), values.get("sort"),
                    Boolean.parseBoolean(values.getOrDefault("trace-feed", "false")),
                    Boolean.parseBoolean(values.getOrDefault("sample-fx", "false")));
        }

        @Override
        public String toString() {
            return "rounds=" + rounds + " seconds=" + seconds + " idle=" + idleSeconds + " s rate=" + rate
                    + "/s batches=" + batches + " (x17 runs) select=" + select + " completeAtOnce=" + completeAtOnce
                    + " filter=" + filter + " sort=" + (sort == null ? "none" : sort) + " sampleFx=" + sampleFx;
        }
    }
}
