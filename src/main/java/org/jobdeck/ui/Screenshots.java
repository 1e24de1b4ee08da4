package org.jobdeck.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.jobdeck.api.EnqueueRequest;
import org.jobdeck.api.EnqueueResult;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.PlanRequest;
import org.jobdeck.api.RunFilter;
import org.jobdeck.api.RunView;
import org.jobdeck.ui.connection.BackendOpener;
import org.jobdeck.ui.connection.ConnectionTarget;
import org.jobdeck.ui.connection.DefaultBackendOpener;
import org.jobdeck.ui.enqueue.BulkEnqueueDialog;
import org.jobdeck.ui.enqueue.BulkEnqueueViewModel;
import org.jobdeck.ui.graph.GraphModel;
import org.jobdeck.ui.graph.GraphWindow;
import org.jobdeck.ui.main.GroupItem;
import org.jobdeck.ui.monitor.ActiveJobsWindow;
import org.jobdeck.ui.monitor.RunRow;
import org.jobdeck.ui.util.FxTaskExecutor;
import org.jobdeck.ui.util.FxToolkit;
import org.jobdeck.ui.util.PngImages;

/**
 * Renders the console's windows to PNG without a display (Monocle), on a fresh embedded
 * database in a scratch directory, with a real batch of the feed group run to its end:
 * main.png, bulk-enqueue.png, bulk-enqueue-params.png (the params editor, one value being
 * refused as typed), graph.png and active-jobs.png.
 */
public final class Screenshots {
    public static final double WIDTH = 1440;
    public static final double HEIGHT = 900;
    private static final long TIMEOUT = 180_000;

    private final Path out;
    private final Path work;
    private final BackendOpener opener;

    public Screenshots(Path out, Path work, BackendOpener opener) {
        this.out = out;
        this.work = work;
        this.opener = opener;
    }

    public Screenshots(Path out, Path work) {
        this(out, work, new DefaultBackendOpener());
    }

    /** Renders the four windows, Bulk Enqueue twice (plan and params); returns the files written. */
    public List<Path> render() throws Exception {
        FxToolkit.startHeadless();
        Files.createDirectories(out);
        Preferences scratch = Preferences.userRoot().node("org/jobdeck/screenshots-" + ProcessHandle.current().pid());
        List<Path> written = new ArrayList<>();
        try (FxTaskExecutor executor = new FxTaskExecutor()) {
            ConsoleShell shell = FxToolkit.call(() -> {
                Stage stage = new Stage();
                ConsoleShell created = new ConsoleShell(stage, executor, opener, new ConsolePreferences(scratch));
                size(stage);
                stage.show();
                created.connect(ConnectionTarget.embedded("jdbc:h2:" + work.resolve("screenshots").toAbsolutePath(),
                        null, 4));
                return created;
            });
            try {
                FxToolkit.await("the console to connect", TIMEOUT, () -> shell.model().connectionProperty().get() != null);
                JobsApi api = FxToolkit.call(() -> shell.model().connectionProperty().get().api());
                runFeedBatch(api);
                FxToolkit.call(() -> {
                    shell.model().selectedGroupProperty().set(shell.model().groups().stream()
                            .filter(g -> "feed".equals(g.name())).findFirst().orElse(null));
                    return null;
                });
                FxToolkit.await("the run counts", TIMEOUT, () -> shell.model().connectionStateProperty().get().equals("Connected"));
                written.add(snapshot(() -> shell.stage().getScene(), "main.png"));
                written.addAll(bulkEnqueue(shell, api, executor));
                written.add(graph(shell, executor));
                written.add(activeJobs(shell));
            } finally {
                FxToolkit.call(() -> {
                    shell.close();
                    shell.stage().close();
                    return null;
                });
            }
        } finally {
            scratch.removeNode();
        }
        return written;
    }

    private static void size(Stage stage) {
        stage.setWidth(WIDTH);
        stage.setHeight(HEIGHT);
    }

    private static void runFeedBatch(JobsApi api) throws InterruptedException {
        EnqueueResult result = api.enqueue(EnqueueRequest.of(PlanRequest.group("feed"), "screenshots"));
        long deadline = System.currentTimeMillis() + TIMEOUT;
        while (!api.runs(RunFilter.batch(result.batchId())).stream().allMatch(RunView::isSettled)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the feed batch did not finish within " + TIMEOUT / 1000 + " s");
            }
            Thread.sleep(100);
        }
    }

    private List<Path> bulkEnqueue(ConsoleShell shell, JobsApi api, FxTaskExecutor executor) throws Exception {
        BulkEnqueueDialog dialog = FxToolkit.call(() -> {
            BackendOpener.Connection connection = shell.model().connectionProperty().get();
            BulkEnqueueViewModel model = new BulkEnqueueViewModel(connection.catalog().toCatalog(), api, executor);
            GroupItem feed = model.groups().stream().filter(g -> "feed".equals(g.name())).findFirst().orElseThrow();
            model.groupProperty().set(feed);
            BulkEnqueueDialog created = new BulkEnqueueDialog(shell.stage(), model, executor, () -> { });
            size(created.stage());
            created.show();
            return created;
        });
        Path plan = snapshot(() -> dialog.stage().getScene(), "bulk-enqueue.png");
        FxToolkit.call(() -> {
            TabPane tabs = (TabPane) dialog.stage().getScene().lookup("#plan-tabs");
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(tab -> "params-tab".equals(tab.getId())).findFirst().orElseThrow());
            BulkEnqueueViewModel model = dialog.model();
            edit(model, "feed-presort", "userId", "8");
            edit(model, "feed-presort", "segmentSize", "0");
            return null;
        });
        Path params = snapshot(() -> dialog.stage().getScene(), "bulk-enqueue-params.png");
        FxToolkit.call(() -> {
            dialog.stage().close();
            return null;
        });
        return List.of(plan, params);
    }

    private static void edit(BulkEnqueueViewModel model, String job, String key, String text) {
        model.params().stream().filter(row -> row.job().equals(job) && row.key().equals(key))
                .findFirst().orElseThrow().valueProperty().set(text);
    }

    private Path graph(ConsoleShell shell, FxTaskExecutor executor) throws Exception {
        GraphWindow window = FxToolkit.call(() -> {
            BackendOpener.Connection connection = shell.model().connectionProperty().get();
            GraphWindow created = GraphWindow.show(shell.stage(),
                    GraphModel.ofCatalog(connection.catalog().validation(), connection.catalog().problems()), executor);
            size(created.stage());
            return created;
        });
        FxToolkit.await("the graph layout", TIMEOUT, () -> !window.view().isLayingOut() && window.view().getModel() != null);
        FxToolkit.call(() -> {
            window.view().fit();
            return null;
        });
        Path file = snapshot(() -> window.stage().getScene(), "graph.png");
        FxToolkit.call(() -> {
            window.close();
            return null;
        });
        return file;
    }

    private Path activeJobs(ConsoleShell shell) throws Exception {
        FxToolkit.call(() -> {
            shell.openActiveJobs();
            size(shell.activeJobsWindow().stage());
            return null;
        });
        FxToolkit.await("the runs to load", TIMEOUT, () -> !activeJobsWindowRows(shell).isEmpty()
                && activeJobsWindowRows(shell).stream().allMatch(row -> !row.isActive()));
        FxToolkit.call(() -> {
            ActiveJobsWindow window = shell.activeJobsWindow();
            RunRow last = activeJobsWindowRows(shell).get(0);
            window.select(last);
            return null;
        });
        Path file = snapshot(() -> shell.activeJobsWindow().stage().getScene(), "active-jobs.png");
        FxToolkit.call(() -> {
            shell.activeJobsWindow().stage().close();
            return null;
        });
        return file;
    }

    private static List<RunRow> activeJobsWindowRows(ConsoleShell shell) {
        return shell.activeJobsWindow().rows();
    }

    private Path snapshot(Callable<Scene> scene, String name) throws Exception {
        // Two rounds through the FX thread let CSS, layout and a pulse settle before the snapshot.
        for (int i = 0; i < 3; i++) {
            FxToolkit.call(() -> {
                Scene s = scene.call();
                s.getRoot().applyCss();
                s.getRoot().layout();
                return null;
            });
            Thread.sleep(150);
        }
        BufferedImage image = FxToolkit.call(() -> PngImages.toBufferedImage(scene.call().snapshot(null)));
        Path file = out.resolve(name);
        PngImages.write(image, file);
        return file;
    }
}
