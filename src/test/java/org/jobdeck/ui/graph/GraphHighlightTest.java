package org.jobdeck.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GraphHighlightTest {
    private final GraphModel catalog = TestGraphs.defaultCatalog();

    private List<String> litEdges(GraphHighlight highlight) {
        return catalog.edges().stream().filter(highlight::lights).map(e -> e.from() + ">" + e.to()).toList();
    }

    @Test
    void nothingSelectedDimsNothingAndLightsNothing() {
        GraphHighlight none = GraphHighlight.of(catalog, null);

        assertThat(none.active()).isFalse();
        assertThat(catalog.nodes()).noneMatch(n -> none.isDimmed(n.id()));
        assertThat(litEdges(none)).isEmpty();
    }

    @Test
    void anUnknownJobSelectsNothing() {
        assertThat(GraphHighlight.of(catalog, "no-such-job")).isEqualTo(GraphHighlight.NONE);
    }

    @Test
    void selectionLightsOnlyThePathsThroughIt() {
        GraphHighlight highlight = GraphHighlight.of(catalog, "feed-presort");

        assertThat(litEdges(highlight)).containsExactlyInAnyOrder(
                "build-user-traits>match-scores", "match-scores>feed-presort",
                "affinity>feed-presort", "content-features>feed-presort");
        assertThat(highlight.isDimmed("trending")).isTrue();
        assertThat(highlight.isDimmed("compatibility")).isTrue();
        assertThat(highlight.isDimmed("build-user-traits")).isFalse();
    }

    @Test
    void anEdgeBetweenAnUpstreamAndADownstreamJobIsNotOnAPathThroughTheSelection() {
        GraphHighlight highlight = GraphHighlight.of(catalog, "match-scores");

        // build-user-traits is upstream, compatibility is neither: its edge stays unlit
        assertThat(litEdges(highlight)).containsExactlyInAnyOrder(
                "build-user-traits>match-scores", "match-scores>feed-presort");
        assertThat(highlight.isUpstream("build-user-traits")).isTrue();
        assertThat(highlight.isDownstream("feed-presort")).isTrue();
    }

    @Test
    void onACycleEveryCycleEdgeIsLit() {
        GraphModel cyclic = TestGraphs.cyclicCatalog();
        GraphHighlight highlight = GraphHighlight.of(cyclic, "job-b");

        assertThat(cyclic.edges()).filteredOn(GraphModel.Edge::inCycle).allMatch(highlight::lights);
        assertThat(highlight.isDimmed("job-d")).isFalse();
    }
}
