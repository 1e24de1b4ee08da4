package org.jobdeck.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jobdeck.ui.util.FxTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class GraphWindowTest {
    private Stage owner;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        executor = new FxTaskExecutor();
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @Stop
    void stop() {
        executor.close();
    }

    @Test
    void showOpensADependencyGraphWindowAboveTheOwner(FxRobot robot) throws Exception {
        GraphWindow[] window = new GraphWindow[1];

        robot.interact(() -> window[0] = GraphWindow.show(owner, TestGraphs.feedPlan(), executor));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !window[0].view().isLayingOut());
        WaitForAsyncUtils.waitForFxEvents();

        Stage stage = window[0].stage();
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getTitle()).isEqualTo("Dependency graph");
        assertThat(stage.getOwner()).isSameAs(owner);
        assertThat(stage.getWidth()).isEqualTo(1200);
        assertThat(robot.lookup("#graph-node-feed-presort").query().getScene()).isSameAs(stage.getScene());
        robot.interact(window[0]::close);
        assertThat(stage.isShowing()).isFalse();
    }
}
