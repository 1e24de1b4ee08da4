package org.jobdeck.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.event.Event;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.jobdeck.ui.util.FxTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The view on a real stage, laid out by ELK on a real background executor (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class DependencyGraphViewTest {
    private static final List<String> DEFAULT_JOBS = TestGraphs.defaultCatalog().nodes().stream()
            .map(GraphModel.Node::id).toList();

    private FxTaskExecutor executor;
    private DependencyGraphView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        executor = new FxTaskExecutor();
        view = new DependencyGraphView(executor);
        stage.setScene(new Scene(view, GraphWindow.DEFAULT_WIDTH, GraphWindow.DEFAULT_HEIGHT));
        stage.show();
        view.setModel(TestGraphs.defaultCatalog());
    }

    @Stop
    void stop() {
        executor.close();
    }

    private void awaitLayout() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.isLayingOut());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean is(Node node, String pseudoClass) {
        return node.getPseudoClassStates().contains(PseudoClass.getPseudoClass(pseudoClass));
    }

    private static Node node(FxRobot robot, String job) {
        return robot.lookup("#graph-node-" + job).query();
    }

    @Test
    void showsEveryJobOfTheDefaultCatalog(FxRobot robot) throws Exception {
        awaitLayout();

        assertThat(DEFAULT_JOBS).hasSize(17);
        for (String job : DEFAULT_JOBS) {
            Node node = node(robot, job);
            assertThat(node.isVisible()).as(job).isTrue();
            assertThat(node.getUserData()).isEqualTo(job);
            assertThat(node.localToScene(node.getBoundsInLocal()).getWidth()).as(job).isPositive();
        }
        assertThat(robot.lookup(".graph-edge").queryAll()).hasSize(TestGraphs.defaultCatalog().edges().size());
        assertThat(robot.lookup("#graph-placeholder").query().isVisible()).isFalse();
    }

    @Test
    void clickingAJobLightsWhatItNeedsAndWhatNeedsItAndDimsTheRest(FxRobot robot) throws Exception {
        awaitLayout();

        robot.clickOn("#graph-node-match-scores");

        assertThat(view.getSelectedNode()).isEqualTo("match-scores");
        assertThat(is(node(robot, "match-scores"), "selected")).isTrue();
        assertThat(is(node(robot, "build-user-traits"), "upstream")).isTrue();
        assertThat(is(node(robot, "feed-presort"), "downstream")).isTrue();
        for (String unrelated : List.of("affinity", "compatibility", "quiz-answer-stats", "searchable-user")) {
            assertThat(is(node(robot, unrelated), "dimmed")).as(unrelated).isTrue();
            assertThat(node(robot, unrelated).getOpacity()).as(unrelated).isLessThan(0.5);
        }
        for (String related : List.of("match-scores", "build-user-traits", "feed-presort")) {
            assertThat(is(node(robot, related), "dimmed")).as(related).isFalse();
            assertThat(node(robot, related).getOpacity()).isEqualTo(1.0);
        }
        List<GraphEdgeView> lit = robot.lookup(".graph-edge").<GraphEdgeView>queryAllAs(GraphEdgeView.class).stream()
                .filter(edge -> is(edge, "lit")).toList();
        assertThat(lit).extracting(edge -> edge.edge().from() + ">" + edge.edge().to())
                .containsExactlyInAnyOrder("build-user-traits>match-scores", "match-scores>feed-presort");
    }

    @Test
    void clickingTheBackgroundClearsTheSelection(FxRobot robot) throws Exception {
        awaitLayout();
        robot.clickOn("#graph-node-feed-presort");
        assertThat(view.getSelectedNode()).isEqualTo("feed-presort");

        robot.clickOn(robot.point(".graph-viewport").atPosition(Pos.TOP_LEFT).atOffset(new Point2D(6, 6)));

        assertThat(view.getSelectedNode()).isNull();
        for (String job : DEFAULT_JOBS) {
            assertThat(is(node(robot, job), "dimmed")).as(job).isFalse();
        }
    }

    @Test
    void selectingFromOutsideHighlightsToo(FxRobot robot) throws Exception {
        awaitLayout();

        robot.interact(() -> view.setSelectedNode("content-features"));

        assertThat(is(node(robot, "trending"), "downstream")).isTrue();
        assertThat(is(node(robot, "build-user-traits"), "dimmed")).isTrue();
    }

    @Test
    void legendListsTheSixGroups(FxRobot robot) throws Exception {
        awaitLayout();

        List<String> groups = robot.lookup("#graph-legend .legend-group").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();

        assertThat(groups).containsExactly("matching", "feed", "search", "maintenance", "media", "quiz");
        assertThat(robot.lookup("#graph-legend .legend-edge").queryAll()).hasSize(2);
        assertThat(robot.lookup("#graph-legend .legend-cycle").queryAll()).isEmpty();
    }

    @Test
    void zoomButtonsZoomAndFitShowsTheWholeGraph(FxRobot robot) throws Exception {
        awaitLayout();
        double fitted = view.zoomProperty().get();

        robot.clickOn("#graph-zoom-in");
        assertThat(view.zoomProperty().get()).isCloseTo(fitted * GraphViewport.STEP, within(1e-9));
        robot.clickOn("#graph-zoom-out").clickOn("#graph-zoom-out");
        assertThat(view.zoomProperty().get()).isLessThan(fitted);
        robot.clickOn("#graph-fit");

        assertThat(view.zoomProperty().get()).isEqualTo(fitted);
        Node viewport = robot.lookup(".graph-viewport").query();
        var visible = viewport.localToScreen(viewport.getBoundsInLocal());
        for (String job : DEFAULT_JOBS) {
            Node node = node(robot, job);
            assertThat(visible.contains(node.localToScreen(node.getBoundsInLocal()))).as(job).isTrue();
        }
    }

    @Test
    void ctrlWheelZoomsAboutThePointerAndPlainWheelAndDragPan(FxRobot robot) throws Exception {
        awaitLayout();
        Node viewport = robot.lookup(".graph-viewport").query();
        Node job = node(robot, "feed-presort");
        double fitted = view.zoomProperty().get();
        Point2D before = job.localToScene(0, 0);

        robot.interact(() -> Event.fireEvent(viewport, scroll(viewport, before, 0, 40, true)));
        assertThat(view.zoomProperty().get()).isGreaterThan(fitted);
        assertThat(job.localToScene(0, 0).distance(before)).isLessThan(0.5);

        robot.interact(() -> Event.fireEvent(viewport, scroll(viewport, before, 15, -30, false)));
        Point2D scrolled = job.localToScene(0, 0);
        assertThat(scrolled.getX() - before.getX()).isCloseTo(15, within(0.5));
        assertThat(scrolled.getY() - before.getY()).isCloseTo(-30, within(0.5));

        robot.drag(robot.point(viewport).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(8, 8)))
                .moveBy(40, 25).release(MouseButton.PRIMARY);
        Point2D dragged = job.localToScene(0, 0);
        assertThat(dragged.getX() - scrolled.getX()).isCloseTo(40, within(1.0));
        assertThat(dragged.getY() - scrolled.getY()).isCloseTo(25, within(1.0));
        assertThat(view.getSelectedNode()).isNull();
    }

    private static ScrollEvent scroll(Node target, Point2D scenePoint, double dx, double dy, boolean control) {
        Point2D local = target.sceneToLocal(scenePoint);
        Point2D screen = target.localToScreen(local);
        return new ScrollEvent(ScrollEvent.SCROLL, local.getX(), local.getY(), screen.getX(), screen.getY(),
                false, control, false, false, false, false, dx, dy, dx, dy,
                ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0,
                new PickResult(target, scenePoint.getX(), scenePoint.getY()));
    }

    @Test
    void writePngWritesTheWholeGraphAndItsLegend(FxRobot robot, @TempDir Path dir) throws Exception {
        awaitLayout();
        Path file = dir.resolve("graph.png");

        robot.interact(() -> {
            try {
                view.writePng(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertThat(Files.size(file)).isPositive();
        BufferedImage image = ImageIO.read(file.toFile());
        GraphLayout.Result layout = view.layoutResult();
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(layout.width()));
        assertThat(image.getHeight()).isGreaterThan((int) layout.height() + 20);
        assertThat(distinctColours(image)).isGreaterThan(10);
    }

    @Test
    void showsLayingOutUntilTheLayoutArrives(FxRobot robot) throws Exception {
        awaitLayout();
        boolean[] seen = new boolean[2];

        robot.interact(() -> {
            view.setModel(TestGraphs.feedPlan());
            Label placeholder = robot.lookup("#graph-placeholder").queryAs(Label.class);
            seen[0] = view.isLayingOut();
            seen[1] = placeholder.isVisible() && placeholder.getText().startsWith("Laying out");
        });
        awaitLayout();

        assertThat(seen).containsExactly(true, true);
        assertThat(robot.lookup("#graph-placeholder").query().isVisible()).isFalse();
    }

    @Test
    void aBoundModelIsShownAsItChangesAndNullShowsNoJobs(FxRobot robot) throws Exception {
        awaitLayout();
        ObjectProperty<GraphModel> plan = new SimpleObjectProperty<>(TestGraphs.feedPlan());

        robot.interact(() -> view.modelProperty().bind(plan));
        awaitLayout();
        assertThat(robot.lookup(".graph-node").queryAll()).hasSize(6);

        robot.interact(() -> plan.set(null));
        assertThat(view.isLayingOut()).isFalse();
        assertThat(robot.lookup(".graph-node").queryAll()).isEmpty();
        Label placeholder = robot.lookup("#graph-placeholder").queryAs(Label.class);
        assertThat(placeholder.isVisible()).isTrue();
        assertThat(placeholder.getText()).isEqualTo("No jobs to show");

        robot.interact(() -> plan.set(TestGraphs.cyclicCatalog()));
        awaitLayout();
        assertThat(robot.lookup(".graph-node").queryAll()).hasSize(4);
        robot.interact(() -> view.modelProperty().unbind());
    }

    @Test
    void planGraphStylesMembersAndDependenciesAndCrossGroupEdges(FxRobot robot) throws Exception {
        awaitLayout();
        robot.interact(() -> view.setModel(TestGraphs.feedPlan()));
        awaitLayout();

        assertThat(robot.lookup(".graph-node").queryAll()).hasSize(6);
        assertThat(node(robot, "match-scores").getStyleClass()).contains("dependency");
        assertThat(node(robot, "feed-presort").getStyleClass()).contains("member");
        assertThat(robot.lookup(".graph-edge.cross-group").<GraphEdgeView>queryAllAs(GraphEdgeView.class))
                .extracting(edge -> edge.edge().from() + ">" + edge.edge().to())
                .containsExactly("match-scores>feed-presort");
        assertThat(robot.lookup("#graph-legend .legend-role").queryAll()).hasSize(2);
    }

    @Test
    void cycleEdgesAreDrawnAsErrorsAndTheLegendSaysSo(FxRobot robot) throws Exception {
        awaitLayout();
        robot.interact(() -> view.setModel(TestGraphs.cyclicCatalog()));
        awaitLayout();

        assertThat(robot.lookup(".graph-node").queryAll()).hasSize(4);
        assertThat(robot.lookup(".graph-edge.cycle").queryAll()).hasSize(3);
        assertThat(robot.lookup("#graph-legend .legend-cycle").queryAll()).hasSize(1);
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
