package org.jobdeck.ui.enqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jobdeck.api.EnqueueRequest;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.JobsApiException;
import org.jobdeck.api.RunFilter;
import org.jobdeck.api.RunView;
import org.jobdeck.core.catalog.CatalogDocument;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.catalog.JobDefinition;
import org.jobdeck.core.catalog.ParamSpec;
import org.jobdeck.core.catalog.ParamType;
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

    // ---------------------------------------------------------------- the params editor

    private ParamRow row(String job, String key) {
        return model.params().stream().filter(r -> r.job().equals(job) && r.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void theParamsEditorListsEveryDeclaredParamWithItsTypeAndDescription() {
        pick("feed");

        assertThat(model.params()).filteredOn(r -> r.job().equals("feed-presort")).extracting(ParamRow::key)
                .containsExactly("batchSize", "segmentSize", "maxSegments", "incremental", "userId");
        ParamRow userId = row("feed-presort", "userId");
        assertThat(userId.type()).isEqualTo("integer");
        assertThat(userId.typeSummary()).isEqualTo("integer ≥ 1");
        assertThat(userId.description()).isEqualTo("Only this user (default: every user)");
        assertThat(userId.prompt()).isEqualTo("integer ≥ 1");
        assertThat(userId.defaultValue()).isEmpty();
        assertThat(userId.valueProperty().get()).isEmpty();
        assertThat(userId.isValid()).isTrue();
        assertThat(userId.fieldId()).isEqualTo("param-feed-presort-userId");
        assertThat(row("trending", "halfLifeHours").typeSummary()).isEqualTo("number");
        assertThat(row("build-user-traits", "incremental").typeSummary()).isEqualTo("boolean");
        assertThat(model.canEnqueueBinding().get()).isTrue();
    }

    @Test
    void eachValueIsCheckedAsItIsTypedAndEnqueueFollowsTheRows() {
        pick("feed");
        ParamRow segmentSize = row("feed-presort", "segmentSize");

        segmentSize.valueProperty().set("abc");
        assertThat(segmentSize.problemProperty().get()).isEqualTo("must be a number, got \"abc\"");
        assertThat(model.paramsValidBinding().get()).isFalse();
        assertThat(model.canEnqueueBinding().get()).isFalse();
        assertThat(model.paramProblemsProperty().get()).isEqualTo("Fix 1 param before enqueueing (Params tab):"
                + " Job feed-presort: param 'segmentSize' must be a number, got \"abc\"");

        segmentSize.valueProperty().set("0");
        assertThat(segmentSize.problemProperty().get()).isEqualTo("must be at least 1, got 0");
        segmentSize.valueProperty().set("2.5");
        assertThat(segmentSize.problemProperty().get()).isEqualTo("must be a whole number, got \"2.5\"");
        segmentSize.valueProperty().set("1e999999999");
        assertThat(segmentSize.problemProperty().get())
                .isEqualTo("must be a whole number that fits in 64 bits, got \"1e999999999\"");
        row("trending", "halfLifeHours").valueProperty().set("Infinity");
        assertThat(row("trending", "halfLifeHours").problemProperty().get())
                .isEqualTo("must be a finite number, got \"Infinity\"");
        assertThat(model.paramProblemsProperty().get()).startsWith("Fix 2 params before enqueueing (Params tab): Job ");

        segmentSize.valueProperty().set("5");
        row("trending", "halfLifeHours").valueProperty().set("1.5");
        assertThat(segmentSize.isValid()).isTrue();
        assertThat(model.paramProblemsProperty().get()).isEmpty();
        assertThat(model.canEnqueueBinding().get()).isTrue();
    }

    @Test
    void anInvalidRowKeepsTheEnqueueFromBeingSentAndSaysWhichRow() {
        pick("feed");
        row("feed-presort", "userId").valueProperty().set("-1");

        model.enqueue();

        assertThat(model.errorProperty().get()).isEqualTo("Job feed-presort: param 'userId' must be at least 1, got -1");
        assertThat(model.resultProperty().get()).isNull();
        assertThat(api.runs(RunFilter.latest(10))).isEmpty();
    }

    @Test
    void anEmptyFieldMeansTheDefaultAndTypedValuesAreSentTyped() {
        pick("feed");
        row("feed-presort", "segmentSize").valueProperty().set("");
        row("feed-presort", "userId").valueProperty().set("8");
        row("trending", "halfLifeHours").valueProperty().set("1.5");
        assertThat(row("feed-presort", "segmentSize").isValid()).isTrue();
        assertThat(row("feed-presort", "segmentSize").isChanged()).isFalse();

        model.enqueue();

        List<RunView> runs = api.runs(RunFilter.batch(model.resultProperty().get().batchId()));
        RunView presort = runs.stream().filter(run -> run.jobName().equals("feed-presort")).findFirst().orElseThrow();
        assertThat(presort.params()).containsEntry("segmentSize", 20).containsEntry("userId", 8);
        RunView trending = runs.stream().filter(run -> run.jobName().equals("trending")).findFirst().orElseThrow();
        assertThat(trending.params()).containsEntry("halfLifeHours", 1.5);
    }

    @Test
    void aRequiredParamWithoutADefaultMustBeFilledIn() {
        JobCatalog catalog = JobCatalog.of(null, List.of(JobDefinition.of("archive", "A", "ops", List.of(), Map.of(),
                List.of()).withParams(Map.of("label", new ParamSpec(ParamType.STRING, "Archive label", true, null,
                List.of(), null, null)), false)));
        BulkEnqueueViewModel archive = new BulkEnqueueViewModel(catalog, api, new DirectTaskExecutor());
        ParamRow label = archive.params().get(0);

        assertThat(label.typeSummary()).isEqualTo("string, required");
        assertThat(label.problemProperty().get()).isEqualTo("is required");
        assertThat(archive.canEnqueueBinding().get()).isFalse();
        assertThat(archive.paramProblemsProperty().get())
                .isEqualTo("Fix 1 param before enqueueing (Params tab): Job archive: param 'label' is required");

        label.valueProperty().set("nightly");
        assertThat(archive.canEnqueueBinding().get()).isTrue();
        assertThat(archive.paramProblemsProperty().get()).isEmpty();
    }

    @Test
    void choosingAnotherGroupStartsTheEditorAfresh() {
        pick("feed");
        row("feed-presort", "userId").valueProperty().set("x");
        assertThat(model.canEnqueueBinding().get()).isFalse();

        pick("quiz");

        assertThat(model.params()).extracting(ParamRow::key).containsExactly("minBucketSize");
        assertThat(model.paramProblemsProperty().get()).isEmpty();
        assertThat(model.canEnqueueBinding().get()).isTrue();
    }

    // ---------------------------------------------------------------- idempotency keys after a failure

    /**
     * The backend: every enqueue reaches it, but the first {@code lost} answers are lost on the
     * way back, as when a connection breaks after the server stored the batch.
     */
    private JobsApi losingAnswers(int lost, List<EnqueueRequest> sent) {
        int[] left = {lost};
        return (JobsApi) Proxy.newProxyInstance(JobsApi.class.getClassLoader(), new Class<?>[] {JobsApi.class},
                (proxy, method, args) -> {
                    Object answer;
                    try {
                        answer = method.invoke(api, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("enqueue")) {
                        sent.add((EnqueueRequest) args[0]);
                        if (left[0]-- > 0) {
                            throw new JobsApiException(JobsApiException.Code.UNAVAILABLE, "the answer was lost");
                        }
                    }
                    return answer;
                });
    }

    @Test
    void aRetryOfTheSameRequestAfterAFailureKeepsItsKeyAndGetsTheFirstBatch() {
        List<EnqueueRequest> sent = new ArrayList<>();
        BulkEnqueueViewModel flaky = new BulkEnqueueViewModel(catalog.toCatalog(), losingAnswers(1, sent),
                new DirectTaskExecutor());
        flaky.groupProperty().set(flaky.groups().stream().filter(g -> g.name().equals("feed")).findFirst().orElseThrow());

        flaky.enqueue();
        assertThat(flaky.errorProperty().get()).isEqualTo("Enqueue failed: the answer was lost");
        flaky.enqueue();

        assertThat(flaky.errorProperty().get()).isEmpty();
        assertThat(sent).extracting(EnqueueRequest::idempotencyKey).doesNotContainNull().hasSize(2)
                .containsOnly(sent.get(0).idempotencyKey());
        assertThat(api.runs(RunFilter.latest(100))).as("one batch, not two").hasSize(6)
                .allSatisfy(run -> assertThat(run.batchId()).isEqualTo(flaky.resultProperty().get().batchId()));
    }

    @Test
    void changingTheParamsAfterAFailedEnqueueTakesANewKey() {
        List<EnqueueRequest> sent = new ArrayList<>();
        BulkEnqueueViewModel flaky = new BulkEnqueueViewModel(catalog.toCatalog(), losingAnswers(1, sent),
                new DirectTaskExecutor());
        flaky.groupProperty().set(flaky.groups().stream().filter(g -> g.name().equals("feed")).findFirst().orElseThrow());
        flaky.enqueue();

        flaky.params().stream().filter(r -> r.job().equals("feed-presort") && r.key().equals("segmentSize"))
                .findFirst().orElseThrow().valueProperty().set("40");
        flaky.enqueue();

        assertThat(flaky.errorProperty().get()).as("not idempotency_key_reused").isEmpty();
        assertThat(flaky.resultProperty().get().count()).isEqualTo(6);
        assertThat(sent.get(1).idempotencyKey()).isNotEqualTo(sent.get(0).idempotencyKey());
    }

    @Test
    void choosingAnotherGroupAfterAFailedEnqueueTakesANewKeyAndComingBackTheOldOne() {
        List<EnqueueRequest> sent = new ArrayList<>();
        BulkEnqueueViewModel flaky = new BulkEnqueueViewModel(catalog.toCatalog(), losingAnswers(2, sent),
                new DirectTaskExecutor());
        flaky.groupProperty().set(flaky.groups().stream().filter(g -> g.name().equals("feed")).findFirst().orElseThrow());
        flaky.enqueue();

        flaky.groupProperty().set(flaky.groups().stream().filter(g -> g.name().equals("quiz")).findFirst().orElseThrow());
        flaky.enqueue();
        flaky.enqueue();

        assertThat(flaky.errorProperty().get()).isEmpty();
        assertThat(flaky.resultProperty().get().count()).isEqualTo(1);
        assertThat(sent.get(1).idempotencyKey()).isNotEqualTo(sent.get(0).idempotencyKey())
                .isEqualTo(sent.get(2).idempotencyKey());
    }
}
