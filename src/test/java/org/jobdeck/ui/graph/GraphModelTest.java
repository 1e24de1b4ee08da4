package org.jobdeck.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.jobdeck.ui.graph.GraphModel.Edge;
import org.jobdeck.ui.graph.GraphModel.Node;
import org.jobdeck.ui.graph.GraphModel.Role;
import org.junit.jupiter.api.Test;

class GraphModelTest {

    @Test
    void defaultCatalogGraphHasEveryJobAndGroup() {
        GraphModel model = TestGraphs.defaultCatalog();

        assertThat(model.nodes()).hasSize(17).extracting(Node::role).containsOnly(Role.PLAIN);
        assertThat(model.groups()).containsExactly("matching", "feed", "search", "maintenance", "media", "quiz");
        assertThat(model.edges()).noneMatch(Edge::inCycle);
    }

    @Test
    void feedPlanMarksMembersAndDependencies() {
        GraphModel model = TestGraphs.feedPlan();

        assertThat(model.nodes()).hasSize(6);
        assertThat(model.nodes()).filteredOn(n -> n.role() == Role.DEPENDENCY).extracting(Node::id)
                .containsExactlyInAnyOrder("build-user-traits", "match-scores");
        assertThat(model.nodes()).filteredOn(n -> n.role() == Role.MEMBER).extracting(Node::id)
                .containsExactlyInAnyOrder("content-features", "trending", "affinity", "feed-presort");
    }

    @Test
    void feedPlanFlagsOnlyTheEdgeBetweenGroupsAsCrossGroup() {
        GraphModel model = TestGraphs.feedPlan();

        assertThat(model.edges()).filteredOn(Edge::crossGroup).extracting(Edge::from, Edge::to)
                .containsExactly(tuple("match-scores", "feed-presort"));
        assertThat(model.edges()).extracting(Edge::from, Edge::to).contains(
                tuple("build-user-traits", "match-scores"), tuple("affinity", "feed-presort"),
                tuple("content-features", "trending"), tuple("content-features", "feed-presort"));
    }

    @Test
    void cyclicCatalogMarksExactlyTheCycleEdges() {
        GraphModel model = TestGraphs.cyclicCatalog();

        assertThat(model.nodes()).hasSize(4);
        assertThat(model.edges()).filteredOn(Edge::inCycle).extracting(Edge::from, Edge::to)
                .containsExactlyInAnyOrder(tuple("job-b", "job-a"), tuple("job-c", "job-b"), tuple("job-a", "job-c"));
        assertThat(model.edges()).filteredOn(e -> !e.inCycle()).extracting(Edge::from, Edge::to)
                .containsExactly(tuple("job-a", "job-d"));
    }

    @Test
    void upstreamIsTheTransitiveDependencies() {
        GraphModel model = TestGraphs.defaultCatalog();

        assertThat(model.upstreamOf("feed-presort")).containsExactlyInAnyOrder(
                "match-scores", "build-user-traits", "affinity", "content-features");
        assertThat(model.upstreamOf("build-user-traits")).isEmpty();
    }

    @Test
    void downstreamIsEveryJobThatNeedsIt() {
        GraphModel model = TestGraphs.defaultCatalog();

        assertThat(model.downstreamOf("build-user-traits")).containsExactlyInAnyOrder(
                "match-scores", "compatibility", "feed-presort", "profile-search-index", "searchable-user");
        assertThat(model.downstreamOf("quiz-answer-stats")).isEmpty();
    }

    @Test
    void onACycleEveryJobIsBothUpstreamAndDownstreamButNeverItsOwn() {
        GraphModel model = TestGraphs.cyclicCatalog();

        assertThat(model.upstreamOf("job-a")).containsExactlyInAnyOrder("job-b", "job-c");
        assertThat(model.downstreamOf("job-a")).containsExactlyInAnyOrder("job-b", "job-c", "job-d");
    }
}
