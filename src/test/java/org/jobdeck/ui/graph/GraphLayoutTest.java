package org.jobdeck.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jobdeck.ui.graph.GraphLayout.EdgeRoute;
import org.jobdeck.ui.graph.GraphLayout.NodeBox;
import org.jobdeck.ui.graph.GraphLayout.Point;
import org.jobdeck.ui.graph.GraphLayout.Size;
import org.junit.jupiter.api.Test;

/** ELK from plain Java, no toolkit. Timing is deliberately not asserted. */
class GraphLayoutTest {

    private static Map<String, Size> sizes(GraphModel model) {
        return model.nodes().stream().collect(Collectors.toMap(GraphModel.Node::id,
                n -> new Size(40 + 8 * n.id().length(), 32)));
    }

    private static GraphLayout.Result layout(GraphModel model) {
        return GraphLayout.layout(model, sizes(model));
    }

    @Test
    void everyJobOfTheDefaultCatalogGetsItsSizeAndAPlace() {
        GraphModel model = TestGraphs.defaultCatalog();

        GraphLayout.Result result = layout(model);

        assertThat(result.nodes()).hasSize(17);
        Map<String, Size> sizes = sizes(model);
        for (NodeBox box : result.nodes().values()) {
            assertThat(box.width()).isEqualTo(sizes.get(box.id()).width());
            assertThat(box.height()).isEqualTo(32);
            assertThat(box.x()).isGreaterThanOrEqualTo(GraphLayout.PADDING);
            assertThat(box.y()).isGreaterThanOrEqualTo(GraphLayout.PADDING);
            assertThat(box.x() + box.width()).isLessThanOrEqualTo(result.width());
            assertThat(box.y() + box.height()).isLessThanOrEqualTo(result.height());
        }
    }

    @Test
    void noTwoNodesOverlap() {
        List<NodeBox> boxes = List.copyOf(layout(TestGraphs.defaultCatalog()).nodes().values());

        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                NodeBox a = boxes.get(i);
                NodeBox b = boxes.get(j);
                boolean apart = a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x()
                        || a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y();
                assertThat(apart).as("%s and %s overlap", a, b).isTrue();
            }
        }
    }

    @Test
    void everyDependencyIsLeftOfTheJobThatNeedsIt() {
        GraphModel model = TestGraphs.defaultCatalog();

        GraphLayout.Result result = layout(model);

        assertThat(model.edges()).isNotEmpty();
        for (GraphModel.Edge edge : model.edges()) {
            NodeBox from = result.nodes().get(edge.from());
            NodeBox to = result.nodes().get(edge.to());
            assertThat(from.x() + from.width()).as(edge.toString()).isLessThan(to.x());
        }
    }

    @Test
    void edgesRunFromTheDependencysRightSideToTheDependentsLeftSide() {
        GraphModel model = TestGraphs.feedPlan();

        GraphLayout.Result result = layout(model);

        assertThat(result.edges()).hasSameSizeAs(model.edges());
        for (EdgeRoute route : result.edges()) {
            NodeBox from = result.nodes().get(route.edge().from());
            NodeBox to = result.nodes().get(route.edge().to());
            Point start = route.points().get(0);
            Point end = route.points().get(route.points().size() - 1);
            assertThat(start.x()).isCloseTo(from.x() + from.width(), within(0.5));
            assertThat(end.x()).isCloseTo(to.x(), within(0.5));
            assertThat(end.y()).isBetween(to.y(), to.y() + to.height());
        }
    }

    @Test
    void aCatalogWithACycleStillLaysOut() {
        GraphModel model = TestGraphs.cyclicCatalog();

        GraphLayout.Result result = layout(model);

        assertThat(result.nodes()).containsOnlyKeys("job-a", "job-b", "job-c", "job-d");
        assertThat(result.edges()).hasSize(4).allSatisfy(route -> assertThat(route.points()).hasSizeGreaterThanOrEqualTo(2));
        Map<String, EdgeRoute> byEdge = result.edges().stream()
                .collect(Collectors.toMap(r -> r.edge().from() + ">" + r.edge().to(), Function.identity()));
        // the one edge off the cycle still points forward
        assertThat(result.nodes().get("job-a").x()).isLessThan(result.nodes().get("job-d").x());
        assertThat(byEdge).containsKey("job-a>job-d");
    }
}
