package org.jobdeck.ui.enqueue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.jobdeck.api.EnqueueRequest;
import org.jobdeck.api.EnqueueResult;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.PlanRequest;
import org.jobdeck.core.catalog.CatalogException;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.catalog.JobDefinition;
import org.jobdeck.core.catalog.JobParams;
import org.jobdeck.core.plan.DependencyResolver;
import org.jobdeck.core.plan.GroupSummary;
import org.jobdeck.core.plan.Plan;
import org.jobdeck.core.plan.PlanEntry;
import org.jobdeck.ui.graph.GraphModel;
import org.jobdeck.ui.main.GroupItem;
import org.jobdeck.ui.util.TaskExecutor;

/**
 * The Bulk Enqueue dialog's state. The plan previews at once from the built-in resolver; the
 * enqueue itself goes to the backend on a background thread, with an idempotency key so a
 * repeated click cannot enqueue twice. The key belongs to one request: a retry of the same
 * request (after a failure whose answer may have been lost) sends it again, and the server
 * answers with the first batch; a request that differs, in selection or params, takes a new key,
 * since the server refuses a key bound to another request (409 idempotency_key_reused).
 *
 * <p>The params editor lists every param the plan's jobs declare. Each {@link ParamRow} checks
 * its text as it changes; Enqueue is enabled only while every row is valid, and
 * {@link #paramProblemsProperty()} says which row to fix.
 */
public final class BulkEnqueueViewModel {
    /** "Enqueue All Jobs" or "Enqueue Job Group". */
    public enum Mode { ALL, GROUP }

    private final JobCatalog catalog;
    private final DependencyResolver resolver;
    private final JobsApi api;
    private final TaskExecutor executor;
    private String idempotencyKey = UUID.randomUUID().toString();
    /** The fingerprint of the request the key was last sent with; null while it was not sent. */
    private String keyFingerprint;

    // Properties
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.GROUP);
    private final ObservableList<GroupItem> groups = FXCollections.observableArrayList();
    private final ObjectProperty<GroupItem> group = new SimpleObjectProperty<>();
    private final ObservableList<PlanRow> planRows = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObjectProperty<GraphModel> planGraph = new SimpleObjectProperty<>();
    private final ObservableList<ParamRow> params =
            FXCollections.observableArrayList(row -> new Observable[] {row.problemProperty()});
    private final ReadOnlyStringWrapper paramProblems = new ReadOnlyStringWrapper("");
    private final BooleanBinding paramsValid;
    private final BooleanProperty enqueueing = new SimpleBooleanProperty();
    private final ObjectProperty<EnqueueResult> result = new SimpleObjectProperty<>();
    private final StringProperty resultText = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanBinding canEnqueue;

    public BulkEnqueueViewModel(JobCatalog catalog, JobsApi api, TaskExecutor executor) {
        this.catalog = catalog;
        this.resolver = new DependencyResolver(catalog);
        this.api = api;
        this.executor = executor;
        for (GroupSummary summary : resolver.groupSummaries()) {
            groups.add(new GroupItem(summary.name(), summary.title(), summary.count()));
        }
        paramsValid = Bindings.createBooleanBinding(() -> params.stream().allMatch(ParamRow::isValid), params);
        // The extractor makes a row's problem change a list change too: one listener sees both.
        params.addListener((ListChangeListener<ParamRow>) change -> paramProblems.set(describeProblems()));
        canEnqueue = Bindings.isNotEmpty(planRows).and(enqueueing.not()).and(paramsValid);
        mode.addListener((obs, old, now) -> preview());
        group.addListener((obs, old, now) -> preview());
        if (!groups.isEmpty()) {
            group.set(groups.get(0));
        }
        preview();
    }

    // Commands

    /** Resolves the current choice with the built-in resolver and shows it. */
    public void preview() {
        error.set("");
        Plan plan = currentPlan();
        if (plan == null) {
            planRows.clear();
            params.clear();
            summary.set("Choose a group");
            planGraph.set(null);
            return;
        }
        planRows.setAll(plan.entries().stream().map(entry -> new PlanRow(entry.position(), entry.jobName(),
                entry.group(), entry.reason().label(), plan.why(entry), entry.wave())).toList());
        summary.set(plan.summary());
        Map<String, JobDefinition> definitions = new LinkedHashMap<>();
        params.clear();
        for (PlanEntry entry : plan.entries()) {
            JobDefinition job = catalog.job(entry.jobName()).orElseThrow();
            definitions.put(job.name(), job);
            JobParams.declared(job).forEach((key, spec) ->
                    params.add(new ParamRow(job.name(), key, spec, JobParams.defaultOf(job, key))));
        }
        planGraph.set(GraphModel.ofPlan(plan, definitions));
    }

    private Plan currentPlan() {
        if (mode.get() == Mode.ALL) {
            return resolver.resolveAll();
        }
        GroupItem chosen = group.get();
        return chosen == null ? null : resolver.resolveGroup(chosen.name());
    }

    /** Submits the enqueue in the background; the result or the error lands in properties. */
    public void enqueue() {
        ParamRow invalid = firstInvalid();
        if (invalid != null) {
            error.set(fullProblem(invalid));
            return;
        }
        if (!canEnqueue.get()) {
            return;
        }
        EnqueueRequest request;
        try {
            request = keyed(new EnqueueRequest(selection(), changedParams(),
                    EnqueueRequest.localUser() + " (console)", null));
        } catch (CatalogException e) {
            error.set(e.getMessage());
            return;
        }
        error.set("");
        enqueueing.set(true);
        executor.execute(() -> api.enqueue(request), done -> {
            enqueueing.set(false);
            result.set(done);
            resultText.set("Enqueued " + done.count() + " run" + (done.count() == 1 ? "" : "s")
                    + " in batch " + done.batchId() + ": " + done.jobs().stream()
                    .map(job -> job.jobName() + " #" + job.jobRunId())
                    .reduce((a, b) -> a + ", " + b).orElse(""));
            idempotencyKey = UUID.randomUUID().toString();
            keyFingerprint = null;
        }, failure -> {
            enqueueing.set(false);
            error.set("Enqueue failed: " + failure.getMessage());
        });
    }

    /** The request with its key: the last one, unless it was sent with another request. */
    private EnqueueRequest keyed(EnqueueRequest request) {
        String fingerprint = request.fingerprint();
        if (keyFingerprint != null && !keyFingerprint.equals(fingerprint)) {
            idempotencyKey = UUID.randomUUID().toString();
        }
        keyFingerprint = fingerprint;
        return request.withIdempotencyKey(idempotencyKey);
    }

    private PlanRequest selection() {
        return mode.get() == Mode.ALL ? PlanRequest.all() : PlanRequest.group(group.get().name());
    }

    private ParamRow firstInvalid() {
        return params.stream().filter(row -> !row.isValid()).findFirst().orElse(null);
    }

    private static String fullProblem(ParamRow row) {
        return "Job " + row.job() + ": param '" + row.key() + "' " + row.problemProperty().get();
    }

    /** "" when every row is valid, else how many rows to fix and the first one's problem. */
    private String describeProblems() {
        long count = params.stream().filter(row -> !row.isValid()).count();
        ParamRow first = firstInvalid();
        return first == null ? "" : "Fix " + count + (count == 1 ? " param" : " params")
                + " before enqueueing (Params tab): " + fullProblem(first);
    }

    /** The edited params, typed as declared; throws with a clear message on bad input. */
    Map<String, Map<String, Object>> changedParams() {
        Map<String, Map<String, Object>> changed = new LinkedHashMap<>();
        for (ParamRow row : params) {
            if (row.isChanged()) {
                JobDefinition job = catalog.job(row.job()).orElseThrow();
                changed.computeIfAbsent(row.job(), k -> new LinkedHashMap<>())
                        .put(row.key(), JobParams.parse(job, row.key(), row.valueProperty().get()));
            }
        }
        return changed;
    }

    // Properties

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public ObservableList<GroupItem> groups() {
        return groups;
    }

    public ObjectProperty<GroupItem> groupProperty() {
        return group;
    }

    public ObservableList<PlanRow> planRows() {
        return planRows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyObjectProperty<GraphModel> planGraphProperty() {
        return planGraph;
    }

    public ObservableList<ParamRow> params() {
        return params;
    }

    /** True while every param row is valid; Enqueue needs it. */
    public BooleanBinding paramsValidBinding() {
        return paramsValid;
    }

    /** "" or "Fix 2 params before enqueueing (Params tab): Job …: param 'k' must be …". */
    public ReadOnlyStringProperty paramProblemsProperty() {
        return paramProblems.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty enqueueingProperty() {
        return enqueueing;
    }

    public BooleanBinding canEnqueueBinding() {
        return canEnqueue;
    }

    public ReadOnlyObjectProperty<EnqueueResult> resultProperty() {
        return result;
    }

    public ReadOnlyStringProperty resultTextProperty() {
        return resultText;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    List<String> jobNames() {
        return planRows.stream().map(PlanRow::job).toList();
    }
}
