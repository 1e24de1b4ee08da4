package org.jobdeck.ui.enqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.RunFilter;
import org.jobdeck.api.RunView;
import org.jobdeck.core.catalog.CatalogDocument;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.ui.UiTestBackends;
import org.jobdeck.ui.connection.BackendOpener;
import org.jobdeck.ui.main.GroupItem;
import org.jobdeck.ui.util.DirectTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Bulk Enqueue dialog's state, without a toolkit, on a real embedded backend. */
class BulkEnqueueViewModelTest {
    private final CatalogDocument catalog = CatalogReader.readDefault();
    private BackendOpener.Connection connection;
    private JobsApi api;
    private BulkEnqueueViewModel model;

    @BeforeEach
    void open() {
        connection = UiTestBackends.opener(UiTestBackends.workingHandlers(catalog))
                .open(UiTestBackends.target(UiTestBackends.freshDatabase(), 0));
        api = connection.api();
        model = new BulkEnqueueViewModel(catalog.toCatalog(), api, new DirectTaskExecutor());
    }

    @AfterEach
    void close() {
        connection.close();
    }

    private void pick(String group) {
        model.modeProperty().set(BulkEnqueueViewModel.Mode.GROUP);
        GroupItem item = model.groups().stream().filter(g -> g.name().equals(group)).findFirst().orElseThrow();
        model.groupProperty().set(item);
    }

    @Test
    void theGroupPickerShowsEveryGroupWithItsCount() {
        assertThat(model.groups()).extracting(GroupItem::label)
                .containsExactly("matching 3", "feed 4", "search 4", "maintenance 3", "media 2", "quiz 1");
    }

    @Test
    void pickingFeedPreviewsSixJobsWithMembersAndDependencies() {
        pick("feed");

        assertThat(model.planRows()).extracting(PlanRow::job, PlanRow::includedAs, PlanRow::wave).containsExactly(
                org.assertj.core.groups.Tuple.tuple("build-user-traits", "Dependency", 0),
                org.assertj.core.groups.Tuple.tuple("content-features", "Member", 0),
                org.assertj.core.groups.Tuple.tuple("affinity", "Member", 0),
                org.assertj.core.groups.Tuple.tuple("match-scores", "Dependency", 1),
                org.assertj.core.groups.Tuple.tuple("trending", "Member", 1),
                org.assertj.core.groups.Tuple.tuple("feed-presort", "Member", 2));
        assertThat(model.planRows()).extracting(PlanRow::why).containsExactly(
                "required by match-scores → feed-presort", "member of feed", "member of feed",
                "required by feed-presort", "member of feed", "member of feed");
        assertThat(model.summaryProperty().get()).isEqualTo("6 jobs: 4 members of feed, 2 dependencies from matching");
        assertThat(model.planGraphProperty().get().nodes()).hasSize(6);
    }

    @Test
    void enqueueAllJobsPreviewsAllSeventeen() {
        model.modeProperty().set(BulkEnqueueViewModel.Mode.ALL);

        assertThat(model.planRows()).hasSize(17);
        assertThat(model.planRows()).extracting(PlanRow::includedAs).containsOnly("Member");
    }

    @Test
    void theParamsEditorIsPrefilledWithDefaultsAndEditsAreTypedOnEnqueue() {
        pick("feed");
        assertThat(model.params()).filteredOn(row -> row.job().equals("feed-presort"))
                .extracting(ParamRow::key, ParamRow::defaultValue)
                .contains(org.assertj.core.groups.Tuple.tuple("segmentSize", "20"),
                        org.assertj.core.groups.Tuple.tuple("incremental", "false"));
        model.params().stream().filter(row -> row.job().equals("feed-presort") && row.key().equals("segmentSize"))
                .findFirst().orElseThrow().valueProperty().set("40");

        model.enqueue();

        assertThat(model.resultProperty().get().count()).isEqualTo(6);
        assertThat(model.resultTextProperty().get()).startsWith("Enqueued 6 runs in batch ");
        RunView presort = api.runs(RunFilter.batch(model.resultProperty().get().batchId())).stream()
                .filter(run -> run.jobName().equals("feed-presort")).findFirst().orElseThrow();
        assertThat(presort.params()).containsEntry("segmentSize", 40).containsEntry("maxSegments", 3);
    }

    @Test
    void aParamOfTheWrongTypeIsReportedAndNothingIsEnqueued() {
        pick("feed");
        model.params().stream().filter(row -> row.key().equals("incremental")).findFirst().orElseThrow()
                .valueProperty().set("sometimes");

        model.enqueue();

        assertThat(model.errorProperty().get()).contains("param 'incremental' must be a boolean");
        assertThat(model.resultProperty().get()).isNull();
        assertThat(api.runs(RunFilter.latest(10))).isEmpty();
    }

    @Test
    void anEnqueueReturnsTheRunIdsOfTheBatch() {
        pick("quiz");

        model.enqueue();

        List<String> ids = model.resultProperty().get().jobs().stream().map(j -> j.jobRunId()).toList();
        assertThat(ids).hasSize(1);
        assertThat(model.resultTextProperty().get()).endsWith("quiz-answer-stats #" + ids.get(0));
        assertThat(model.enqueueingProperty().get()).isFalse();
    }
}
