package org.jobdeck.ui.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jobdeck.api.EnqueueRequest;
import org.jobdeck.api.PlanRequest;
import org.jobdeck.queue.handler.HandlerRegistry;
import org.jobdeck.ui.ConsolePreferences;
import org.jobdeck.ui.ConsoleShell;
import org.jobdeck.ui.UiTestBackends;
import org.jobdeck.ui.connection.ConnectionTarget;
import org.jobdeck.ui.monitor.RunRow;
import org.jobdeck.ui.util.FxTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Cancel a running run and retry a failed one from the Active Jobs window. */
@ExtendWith(ApplicationExtension.class)
class ConsoleRunActionsTest {
    private static final String CATALOG = """
            {"groups": [{"name": "prep", "title": "Preparation"}, {"name": "main", "title": "Main work"}],
             "jobs": [
              {"name": "load", "description": "Load the input", "group": "prep", "examples": [], "maxAttempts": 1},
              {"name": "score", "description": "Score it", "group": "main", "dependencies": ["load"],
               "examples": [], "maxAttempts": 1},
              {"name": "publish", "description": "Publish the scores", "group": "main",
               "dependencies": ["score"], "examples": [], "maxAttempts": 1},
              {"name": "wait-forever", "description": "Runs until cancelled", "group": "main",
               "examples": [], "maxAttempts": 1}
             ]}
            """;

    private final AtomicBoolean scoreBroken = new AtomicBoolean(true);
    private FxTaskExecutor executor;
    private ConsoleShell shell;
    private Preferences preferences;

    @Start
    void start(Stage stage) throws Exception {
        Path catalog = Files.createTempFile("jobdeck-actions", ".json");
        catalog.toFile().deleteOnExit();
        Files.writeString(catalog, CATALOG);
        HandlerRegistry handlers = new HandlerRegistry()
                .register("load", context -> context.log("loaded"))
                .register("score", context -> {
                    if (scoreBroken.get()) {
                        throw new IllegalStateException("scores table is locked");
                    }
                    context.log("scored");
                })
                .register("publish", context -> context.log("published"))
                .register("wait-forever", context -> {
                    while (!context.isCancelled()) {
                        Thread.sleep(20);
                    }
                    context.throwIfCancelled();
                });
        executor = new FxTaskExecutor();
        preferences = Preferences.userRoot().node("org/jobdeck/test-" + System.nanoTime());
        shell = new ConsoleShell(stage, executor, UiTestBackends.opener(handlers), new ConsolePreferences(preferences));
        stage.show();
        shell.connect(ConnectionTarget.embedded(UiTestBackends.freshDatabase(), catalog, 4));
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(shell::close).get(30, TimeUnit.SECONDS);
        executor.close();
        preferences.removeNode();
    }

    private static RunRow row(TableView<RunRow> runs, String job) {
        return runs.getItems().stream().filter(r -> r.jobName().equals(job)).findFirst().orElse(null);
    }

    private static String state(TableView<RunRow> runs, String job) {
        RunRow row = row(runs, job);
        return row == null ? null : row.stateProperty().get().wireName();
    }

    @Test
    void retryingAFailedRunLetsItAndItsBlockedDownstreamRunFinish(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> "Connected".equals(robot.lookup("#status-connection").queryAs(Label.class).getText()));
        shell.model().connectionProperty().get().api()
                .enqueue(EnqueueRequest.of(PlanRequest.jobs(List.of("publish")), "test"));
        robot.clickOn("#active-jobs");
        TableView<RunRow> runs = robot.lookup("#runs-table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> "failed".equals(state(runs, "score")) && "blocked".equals(state(runs, "publish")));
        assertThat(row(runs, "publish").whyProperty().get()).isEqualTo("blocked: score failed");

        scoreBroken.set(false);
        robot.interact(() -> runs.getSelectionModel().select(row(runs, "score")));
        robot.clickOn("#retry-run");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> "succeeded".equals(state(runs, "score")) && "succeeded".equals(state(runs, "publish")));
        assertThat(robot.lookup("#monitor-status").queryAs(Label.class).getText()).contains("retried");
    }

    @Test
    void cancellingARunningRunStopsIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> "Connected".equals(robot.lookup("#status-connection").queryAs(Label.class).getText()));
        shell.model().connectionProperty().get().api()
                .enqueue(EnqueueRequest.of(PlanRequest.jobs(List.of("wait-forever")), "test"));
        robot.clickOn("#active-jobs");
        TableView<RunRow> runs = robot.lookup("#runs-table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "running".equals(state(runs, "wait-forever")));

        robot.interact(() -> runs.getSelectionModel().select(row(runs, "wait-forever")));
        robot.clickOn("#cancel-run");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "cancelled".equals(state(runs, "wait-forever")));
        assertThat(row(runs, "wait-forever").errorProperty().get()).isEqualTo("cancelled while running");
    }
}
