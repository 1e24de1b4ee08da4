package org.jobdeck.ui.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jobdeck.api.RunStatus;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.ui.ConsolePreferences;
import org.jobdeck.ui.ConsoleShell;
import org.jobdeck.ui.UiTestBackends;
import org.jobdeck.ui.enqueue.PlanRow;
import org.jobdeck.ui.monitor.RunRow;
import org.jobdeck.ui.util.FxTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console as an operator uses it, headless, on a real embedded backend with the default
 * catalog and registered handlers: preview and enqueue the feed group, watch its runs end,
 * look at the graph.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleFeedTest {
    private FxTaskExecutor executor;
    private ConsoleShell shell;
    private Preferences preferences;

    @Start
    void start(Stage stage) {
        executor = new FxTaskExecutor();
        preferences = Preferences.userRoot().node("org/jobdeck/test-" + System.nanoTime());
        shell = new ConsoleShell(stage, executor,
                UiTestBackends.opener(UiTestBackends.workingHandlers(CatalogReader.readDefault())),
                new ConsolePreferences(preferences));
        stage.show();
        shell.connect(UiTestBackends.target(UiTestBackends.freshDatabase(), 4));
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(shell::close).get(30, TimeUnit.SECONDS);
        executor.close();
        preferences.removeNode();
    }

    private void awaitConnected(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> "Connected".equals(robot.lookup("#status-connection").queryAs(Label.class).getText()));
    }

    @Test
    void pickingFeedPreviewsSixJobsAndEnterEnqueuesThemAndActiveJobsShowsThemEnd(FxRobot robot) throws Exception {
        awaitConnected(robot);
        robot.clickOn("#bulk-enqueue");
        robot.clickOn("#mode-group");
        robot.clickOn("#group-picker");
        robot.clickOn("feed · 4 jobs");

        TableView<PlanRow> plan = robot.lookup("#plan-table").queryTableView();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(plan.getItems()).extracting(PlanRow::job, PlanRow::includedAs).containsExactly(
                org.assertj.core.groups.Tuple.tuple("build-user-traits", "Dependency"),
                org.assertj.core.groups.Tuple.tuple("content-features", "Member"),
                org.assertj.core.groups.Tuple.tuple("affinity", "Member"),
                org.assertj.core.groups.Tuple.tuple("match-scores", "Dependency"),
                org.assertj.core.groups.Tuple.tuple("trending", "Member"),
                org.assertj.core.groups.Tuple.tuple("feed-presort", "Member"));
        assertThat(robot.lookup("#plan-summary").queryAs(Label.class).getText())
                .isEqualTo("6 jobs: 4 members of feed, 2 dependencies from matching");

        robot.clickOn("#plan-summary").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> !robot.lookup("#enqueue-result").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#enqueue-result").queryAs(Label.class).getText()).startsWith("Enqueued 6 runs in batch ");

        robot.clickOn("#open-active-jobs");
        TableView<RunRow> runs = robot.lookup("#runs-table").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> runs.getItems().size() == 6
                && runs.getItems().stream().allMatch(row -> row.stateProperty().get() == RunStatus.SUCCEEDED));
        assertThat(runs.getItems()).extracting(RunRow::jobName).containsExactlyInAnyOrder("build-user-traits",
                "content-features", "affinity", "match-scores", "trending", "feed-presort");
    }

    @Test
    void escapeClosesTheBulkEnqueueDialog(FxRobot robot) throws Exception {
        awaitConnected(robot);
        robot.clickOn("#bulk-enqueue");
        assertThat(robot.lookup("#bulk-enqueue-dialog").tryQuery()).isPresent();

        robot.type(KeyCode.ESCAPE);

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#bulk-enqueue-dialog").tryQuery()).isEmpty();
    }

    @Test
    void theGraphShowsEveryJobOfTheCatalog(FxRobot robot) throws Exception {
        awaitConnected(robot);
        robot.clickOn("#graph");

        List<String> jobs = CatalogReader.readDefault().validation().jobs().stream().map(j -> j.name()).toList();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> jobs.stream().allMatch(job -> robot.lookup("#graph-node-" + job).tryQuery().isPresent()));
        assertThat(jobs).hasSize(17);
    }

    @Test
    void theMainWindowListsGroupsWithCounts(FxRobot robot) throws Exception {
        awaitConnected(robot);
        // Visible, not only present: clickOn looks for a visible node, and on a loaded machine the
        // list cell can exist a moment before it is shown.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#group-matching")
                .match(javafx.scene.Node::isVisible).tryQuery().isPresent());

        robot.clickOn("#group-matching");

        TableView<?> jobs = robot.lookup("#jobs-table").queryTableView();
        assertThat(jobs.getItems()).hasSize(3);
        assertThat(robot.lookup("#group-all").queryLabeled().getText()).isEqualTo("All jobs 17");
    }
}
