package org.jobdeck.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jobdeck.api.EnqueueRequest;
import org.jobdeck.api.EnqueueResult;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.PlanRequest;
import org.jobdeck.api.RunStatus;
import org.jobdeck.api.RunView;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.ui.UiTestBackends;
import org.jobdeck.ui.connection.BackendOpener;
import org.jobdeck.ui.util.DirectTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Active Jobs monitor's state, without a toolkit. */
class ActiveJobsViewModelTest {
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private BackendOpener.Connection connection;
    private JobsApi api;
    private ActiveJobsViewModel model;

    @BeforeEach
    void open() {
        connection = UiTestBackends.opener(UiTestBackends.workingHandlers(CatalogReader.readDefault()))
                .open(UiTestBackends.target(UiTestBackends.freshDatabase(), 0));
        api = connection.api();
        model = new ActiveJobsViewModel(api, executor);
    }

    @AfterEach
    void close() {
        model.close();
        connection.close();
    }

    private static RunView view(String id, String job, String state, long version) {
        return new RunView(id, job, "feed", RunStatus.parse(state), 1, 3, "1", 1, List.of(), Map.of(), null, null, null,
                "failed".equals(state) ? "boom" : null, state, null, new RunView.Progress(0, 0, null), version);
    }

    @Test
    void loadsTheNewestRunsFirstAndTheCatalogsGroups() {
        EnqueueResult batch = api.enqueue(EnqueueRequest.of(PlanRequest.group("feed"), "test"));

        model.start();

        assertThat(model.rows()).hasSize(6);
        assertThat(model.rows().get(0).id()).isEqualTo(batch.jobs().get(5).jobRunId());
        assertThat(model.groups()).startsWith(ActiveJobsViewModel.ALL, "matching", "feed");
    }

    @Test
    void changesUpdateRowsInPlaceAndOlderSnapshotsAreIgnored() {
        model.apply(List.of(view("7", "trending", "queued", 1)));
        RunRow row = model.row("7");

        model.apply(List.of(view("7", "trending", "running", 3)));
        model.apply(List.of(view("7", "trending", "queued", 2)));

        assertThat(model.row("7")).isSameAs(row);
        assertThat(row.stateProperty().get()).isEqualTo(RunStatus.RUNNING);
        assertThat(model.totalRows()).isEqualTo(1);
    }

    @Test
    void unfilteredInNewestFirstOrderAChangeTouchesOnlyItsRowNotTheList() {
        model.apply(List.of(view("1", "trending", "queued", 1), view("2", "affinity", "queued", 1)));
        List<String> listChanges = new ArrayList<>();
        model.rows().addListener((javafx.collections.ListChangeListener<RunRow>) change -> listChanges.add(change.toString()));

        model.apply(List.of(view("1", "trending", "running", 2)));

        assertThat(model.row("1").stateProperty().get()).isEqualTo(RunStatus.RUNNING);
        assertThat(listChanges).as("list changes, each of which makes the table rebuild its rows").isEmpty();
        assertThat(model.rows()).extracting(RunRow::id).containsExactly("2", "1");
    }

    @Test
    void aChangedRowMovesWhenTheRowsAreSortedOnWhatChanged() {
        model.apply(List.of(view("1", "trending", "queued", 1), view("2", "affinity", "running", 1)));
        model.rows().setComparator(Comparator.comparing(row -> row.stateProperty().get().wireName()));
        assertThat(model.rows()).extracting(RunRow::id).containsExactly("1", "2");

        model.apply(List.of(view("1", "trending", "succeeded", 2)));

        assertThat(model.rows()).extracting(RunRow::id).containsExactly("2", "1");
    }

    @Test
    void deferredMovesShowTheNewStateAtOnceAndLeaveTheFilteredViewAtTheNextApply() {
        model.apply(List.of(view("1", "trending", "running", 1), view("2", "affinity", "running", 1)));
        model.stateFilterProperty().set("running");
        model.deferMoves(true);

        model.apply(List.of(view("1", "trending", "succeeded", 2)));
        assertThat(model.row("1").stateProperty().get()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(model.rows()).extracting(RunRow::id).containsExactly("2", "1");

        model.applyPendingMoves();
        assertThat(model.rows()).extracting(RunRow::id).containsExactly("2");
    }

    @Test
    void aRunThatFailsRaisesOneNotification() {
        List<String> notified = new ArrayList<>();
        model.setOnFailure(row -> notified.add(row.id()));
        model.apply(List.of(view("8", "affinity", "running", 1)));

        model.apply(List.of(view("8", "affinity", "failed", 2)));
        model.apply(List.of(view("8", "affinity", "failed", 3)));

        assertThat(notified).containsExactly("8");
    }

    @Test
    void filtersByStateGroupBatchAndTextAndFollowStateChanges() {
        model.apply(List.of(view("1", "trending", "queued", 1), view("2", "affinity", "failed", 1),
                view("3", "feed-presort", "running", 1)));

        model.stateFilterProperty().set("active");
        assertThat(model.rows()).extracting(RunRow::id).containsExactly("3", "1");

        model.apply(List.of(view("1", "trending", "succeeded", 2)));
        assertThat(model.rows()).extracting(RunRow::id).containsExactly("3");

        model.stateFilterProperty().set(ActiveJobsViewModel.ALL);
        model.textFilterProperty().set("AFFIN");
        assertThat(model.rows()).extracting(RunRow::id).containsExactly("2");
        model.textFilterProperty().set("");
        model.batchFilterProperty().set("2");
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void cancelAndRetryGoToTheBackendAndUpdateTheRows() {
        EnqueueResult batch = api.enqueue(EnqueueRequest.of(PlanRequest.group("feed"), "test"));
        model.start();
        RunRow traits = model.row(batch.jobs().get(0).jobRunId());
        model.selectedProperty().set(traits);

        model.cancelSelected();
        executor.runPending();

        assertThat(traits.stateProperty().get()).isEqualTo(RunStatus.CANCELLED);
        assertThat(model.statusProperty().get()).endsWith("(build-user-traits): cancelled");

        model.retrySelected();

        assertThat(traits.stateProperty().get()).isEqualTo(RunStatus.QUEUED);
        assertThat(model.statusProperty().get()).contains("retried; 2 downstream run(s) waiting again");
        assertThat(model.row(batch.jobs().get(3).jobRunId()).stateProperty().get()).isEqualTo(RunStatus.WAITING);
    }

    @Test
    void selectingARunLoadsItsLog() {
        EnqueueResult batch = api.enqueue(EnqueueRequest.of(PlanRequest.group("quiz"), "test"));
        String id = batch.jobs().get(0).jobRunId();
        connection.api();
        model.start();

        model.selectedProperty().set(model.row(id));

        assertThat(model.log()).isEmpty();
        assertThat(model.row(id).whyProperty().get()).isEqualTo("queued: ready to run");
    }

    @Test
    void cancelAndRetryFollowTheSelectedRunsState() {
        model.apply(List.of(view("1", "trending", "queued", 1), view("3", "feed-presort", "succeeded", 1),
                view("4", "affinity", "blocked", 1)));
        assertThat(model.canCancelProperty().get()).isFalse();
        assertThat(model.canRetryProperty().get()).isFalse();

        model.selectedProperty().set(model.row("1"));
        assertThat(model.canCancelProperty().get()).isTrue();
        assertThat(model.canRetryProperty().get()).isFalse();

        model.apply(List.of(view("1", "trending", "failed", 2)));
        assertThat(model.canCancelProperty().get()).as("follows the state, not only the selection").isFalse();
        assertThat(model.canRetryProperty().get()).isTrue();

        model.selectedProperty().set(model.row("3"));
        assertThat(model.canCancelProperty().get()).isFalse();
        assertThat(model.canRetryProperty().get()).isFalse();
        model.selectedProperty().set(model.row("4"));
        assertThat(model.canCancelProperty().get()).isTrue();
        assertThat(model.canRetryProperty().get()).isFalse();
        model.selectedProperty().set(null);
        assertThat(model.canCancelProperty().get()).isFalse();
    }

    @Test
    void aRunThatArrivesAndChangesInOneBatchIsShownOnceInItsNewestState() {
        model.stateFilterProperty().set("running");

        model.apply(List.of(view("5", "trending", "queued", 1), view("5", "trending", "running", 2)));

        assertThat(model.rows()).extracting(RunRow::id).containsExactly("5");
        assertThat(model.totalRows()).isEqualTo(1);
    }

    @Test
    void theStateChoicesAreAllActiveAndEveryState() {
        assertThat(ActiveJobsViewModel.stateChoices()).containsExactly(ActiveJobsViewModel.ALL, ActiveJobsViewModel.ACTIVE,
                "waiting", "queued", "running", "succeeded", "failed", "cancelled", "blocked");
    }
}
