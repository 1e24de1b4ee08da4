package org.jobdeck.ui.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real executor on the FX thread. It runs under TestFX's toolkit: a toolkit started any
 * other way in the same JVM would leave the robot of the TestFX tests after it without a stage.
 */
@ExtendWith(ApplicationExtension.class)
class FxTaskExecutorTest {
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 100, 100));
        stage.show();
    }

    @Test
    void theOutcomeOfWorkCancelledWhileItRanIsDropped(FxRobot robot) throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        try (FxTaskExecutor executor = new FxTaskExecutor()) {
            TaskHandle[] handle = new TaskHandle[1];
            robot.interact(() -> handle[0] = executor.execute(() -> {
                running.countDown();
                release.await();
                returned.countDown();
                return "late";
            }, delivered::add, error -> delivered.add("failed")));
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

            boolean[] cancelled = new boolean[1];
            robot.interact(() -> cancelled[0] = handle[0].cancel());
            release.countDown();
            assertThat(returned.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100); // the late outcome's turn on the FX thread
            WaitForAsyncUtils.waitForFxEvents();
            TaskHandle[] next = new TaskHandle[1];
            robot.interact(() -> next[0] = executor.execute(() -> "next", delivered::add, error -> { }));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> next[0].isDone());
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(cancelled[0]).isTrue();
            assertThat(delivered).containsExactly("next");
        }
    }

    @Test
    void aScheduledActionRunsOnTheFxThreadAfterItsDelayUnlessCalledOff(FxRobot robot) throws Exception {
        try (FxTaskExecutor executor = new FxTaskExecutor()) {
            TaskHandle[] handles = new TaskHandle[2];
            robot.interact(() -> {
                handles[0] = executor.schedule(Duration.ofMillis(50), () -> delivered.add(
                        Platform.isFxApplicationThread() ? "kept, on the FX thread" : "kept"));
                handles[1] = executor.schedule(Duration.ofMillis(50), () -> delivered.add("called off"));
                handles[1].cancel();
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> handles[0].isDone());
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(delivered).containsExactly("kept, on the FX thread");
        }
    }
}
