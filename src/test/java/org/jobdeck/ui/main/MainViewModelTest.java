package org.jobdeck.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jobdeck.api.EnqueueRequest;
import org.jobdeck.api.PlanRequest;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.ui.UiTestBackends;
import org.jobdeck.ui.connection.ConnectionTarget;
import org.jobdeck.ui.util.DirectTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window's state, without a toolkit, on a real embedded backend. */
class MainViewModelTest {
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final MainViewModel model = new MainViewModel(executor,
            UiTestBackends.opener(UiTestBackends.workingHandlers(CatalogReader.readDefault())));

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void listsTheGroupsWithTheirCountsAndAllJobs() {
        model.connect(UiTestBackends.target(UiTestBackends.freshDatabase(), 0));

        assertThat(model.groups()).extracting(GroupItem::label).containsExactly(
                "matching 3", "feed 4", "search 4", "maintenance 3", "media 2", "quiz 1", "All jobs 17");
        assertThat(model.connectionStateProperty().get()).isEqualTo("Connected");
        assertThat(model.backendProperty().get()).startsWith("embedded H2 at jdbc:h2:mem:");
        assertThat(model.visibleJobs()).hasSize(17);
    }

    @Test
    void selectingAGroupShowsItsJobsWithWhatTheyNeedAndWhatNeedsThem() {
        model.connect(UiTestBackends.target(UiTestBackends.freshDatabase(), 0));

        model.selectedGroupProperty().set(model.groups().get(0));

        assertThat(model.visibleJobs()).extracting(JobRow::name)
                .containsExactly("build-user-traits", "match-scores", "compatibility");
        JobRow traits = model.visibleJobs().get(0);
        assertThat(traits.neededBy()).isEqualTo("match-scores, compatibility, profile-search-index, searchable-user");
        assertThat(model.visibleJobs().get(1).dependsOn()).isEqualTo("build-user-traits");
    }

    @Test
    void theFilterNarrowsTheJobsOfTheSelectedGroup() {
        model.connect(UiTestBackends.target(UiTestBackends.freshDatabase(), 0));

        model.filterProperty().set("presort");

        // Also the jobs feed-presort needs: the filter reads the dependency columns too.
        assertThat(model.visibleJobs()).extracting(JobRow::name).containsExactly(
                "match-scores", "content-features", "affinity", "feed-presort", "feed-presort-cleanup");

        model.selectedGroupProperty().set(model.groups().get(3));
        assertThat(model.visibleJobs()).extracting(JobRow::name).containsExactly("feed-presort-cleanup");
    }

    @Test
    void anInvalidCatalogStillOpensAndListsEveryProblem() throws Exception {
        Path catalog = dir.resolve("broken.json");
        Files.writeString(catalog, """
                {"jobs": [
                  {"name": "a", "description": "A", "group": "g", "dependencies": ["b"], "examples": []},
                  {"name": "b", "description": "B", "group": "g", "dependencies": ["a", "ghost"], "examples": []}
                ]}
                """);

        model.connect(ConnectionTarget.embedded(UiTestBackends.freshDatabase(), catalog, 0));

        assertThat(model.problems()).containsExactly(
                "Dependency not found: ghost (required by b)",
                "Circular dependency detected: a -> b -> a");
        assertThat(model.connectionStateProperty().get()).isEqualTo("Catalog invalid: 2 problems");
        assertThat(model.connectionProperty().get().isUsable()).isFalse();
        assertThat(model.visibleJobs()).extracting(JobRow::name).containsExactly("a", "b");
    }

    @Test
    void aDatabaseThatCannotBeReachedIsReportedInOneLine() {
        model.connect(ConnectionTarget.embedded("jdbc:mysql://nowhere/x", null, 0));

        assertThat(model.connectionStateProperty().get())
                .startsWith("Not connected: Unsupported database URL: jdbc:mysql://nowhere/x");
        assertThat(model.connectionProperty().get()).isNull();
    }

    @Test
    void theStatusBarCountsFollowTheRuns() {
        model.connect(UiTestBackends.target(UiTestBackends.freshDatabase(), 0));
        var api = model.connectionProperty().get().api();

        api.enqueue(EnqueueRequest.of(PlanRequest.group("feed"), "test"));
        model.refreshCounts();

        assertThat(model.queuedProperty().get()).isEqualTo(3);
        assertThat(model.runningProperty().get()).isZero();
        assertThat(model.failedProperty().get()).isZero();
    }

    @Test
    void reconnectingReplacesTheBackend() {
        model.connect(UiTestBackends.target(UiTestBackends.freshDatabase(), 0));
        var first = model.connectionProperty().get();

        model.connect(UiTestBackends.target(UiTestBackends.freshDatabase(), 0));

        assertThat(model.connectionProperty().get()).isNotSameAs(first);
    }
}
