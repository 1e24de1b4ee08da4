package org.jobdeck.ui.monitor;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.jobdeck.ui.Theme;
import org.jobdeck.ui.util.TableColumns;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Active Jobs monitor, in its own window: a live runs table with filters, a detail pane
 * (params, why, error, live log tail), and Cancel / Retry / Copy run id. A run that fails raises
 * a notification.
 */
public final class ActiveJobsWindow {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ActiveJobsViewModel model;
    private final Stage stage = new Stage();
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>(Instant.now());
    private final Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> now.set(Instant.now())));
    /** Changed rows move in or out of a filtered or sorted view 4 times a second, not on every change. */
    private final Timeline moves;
    private final TableView<RunRow> table;

    public ActiveJobsWindow(Window owner, ActiveJobsViewModel model) {
        this.model = model;
        this.moves = new Timeline(new KeyFrame(Duration.millis(250), e -> model.applyPendingMoves()));
        this.table = runsTable();
        stage.initOwner(owner);
        stage.setTitle("Active Jobs");
        stage.setScene(Theme.style(new Scene(root(), 1280, 760)));
        clock.setCycleCount(Timeline.INDEFINITE);
        model.deferMoves(true);
        moves.setCycleCount(Timeline.INDEFINITE);
        stage.setOnShown(event -> {
            clock.play();
            moves.play();
        });
        stage.setOnHidden(event -> {
            clock.stop();
            moves.stop();
            model.close();
        });
        model.setOnFailure(row -> Notifications.create()
                .owner(stage)
                .title("Run failed: " + row.jobName())
                .text("Run " + row.id() + " failed after " + row.attemptProperty().get() + " attempt(s): "
                        + row.errorProperty().get())
                .showError());
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    /** The rows as shown: filtered and sorted. */
    public List<RunRow> rows() {
        return table.getItems();
    }

    public void select(RunRow row) {
        table.getSelectionModel().select(row);
        table.scrollTo(row);
    }

    public ActiveJobsViewModel model() {
        return model;
    }

    private Parent root() {
        SplitPane split = new SplitPane(table, detailPane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        Label status = new Label();
        status.setId("monitor-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(Bindings.createStringBinding(() -> model.rows().size() + " of "
                + model.totalRows() + " runs shown" + (model.statusProperty().get().isEmpty() ? ""
                : " · " + model.statusProperty().get()), model.rows(), model.statusProperty()));
        BorderPane root = new BorderPane(split);
        root.setId("active-jobs-window");
        root.setTop(toolbar());
        root.setBottom(status);
        BorderPane.setMargin(status, new Insets(4, 10, 6, 10));
        return root;
    }

    private ToolBar toolbar() {
        ComboBox<String> state = new ComboBox<>();
        state.getItems().setAll(ActiveJobsViewModel.stateChoices());
        state.setId("state-filter");
        state.valueProperty().bindBidirectional(model.stateFilterProperty());
        ComboBox<String> group = new ComboBox<>(model.groups());
        group.setId("group-filter");
        group.valueProperty().bindBidirectional(model.groupFilterProperty());
        TextField batch = new TextField();
        batch.setId("batch-filter");
        batch.setPromptText("Batch");
        batch.setPrefColumnCount(6);
        batch.textProperty().bindBidirectional(model.batchFilterProperty());
        TextField text = new TextField();
        text.setId("text-filter");
        text.setPromptText("Search run id, job, why…");
        text.textProperty().bindBidirectional(model.textFilterProperty());

        Button cancel = action("Cancel", "mdi2s-stop-circle-outline", "cancel-run", model::cancelSelected);
        Button retry = action("Retry", "mdi2r-replay", "retry-run", model::retrySelected);
        Button copy = action("Copy run id", "mdi2c-content-copy", "copy-run-id", this::copySelectedId);
        cancel.disableProperty().bind(model.canCancelProperty().not());
        retry.disableProperty().bind(model.canRetryProperty().not());
        copy.disableProperty().bind(model.selectedProperty().isNull());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(new Label("State"), state, new Label("Group"), group, batch, text, spacer,
                cancel, retry, copy);
    }

    private static Button action(String text, String icon, String id, Runnable run) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setOnAction(event -> run.run());
        return button;
    }

    private void copySelectedId() {
        RunRow row = model.selectedProperty().get();
        if (row != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(row.id());
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private TableView<RunRow> runsTable() {
        TableView<RunRow> runs = new TableView<>(model.rows());
        runs.setId("runs-table");
        runs.setPlaceholder(new Label("No runs yet: enqueue a group with Bulk Enqueue"));
        // A sorted column's order, or newest first when no column is sorted.
        model.rows().comparatorProperty().bind(Bindings.createObjectBinding(() -> runs.getComparator() == null
                ? ActiveJobsViewModel.NEWEST_FIRST : runs.getComparator(), runs.comparatorProperty()));
        TableColumn<RunRow, RunRow> state = new TableColumn<>("State");
        state.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        state.setCellFactory(column -> new StateBadgeCell());
        state.setPrefWidth(110);
        TableColumn<RunRow, RunRow> progress = new TableColumn<>("Progress");
        progress.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        progress.setCellFactory(column -> new ProgressCell());
        progress.setPrefWidth(150);
        TableColumn<RunRow, RunRow> duration = new TableColumn<>("Duration");
        duration.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        duration.setCellFactory(column -> new DurationCell(now));
        duration.setPrefWidth(90);
        TableColumn<RunRow, String> id = TableColumns.column("Run", RunRow::id, 70);
        id.setComparator((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        runs.getColumns().add(id);
        runs.getColumns().add(TableColumns.column("Job", RunRow::jobName, 180));
        runs.getColumns().add(TableColumns.column("Group", RunRow::group, 110));
        runs.getColumns().add(state);
        runs.getColumns().add(progress);
        TableColumn<RunRow, String> attempt = new TableColumn<>("Attempt");
        attempt.setCellValueFactory(cell -> Bindings.concat(cell.getValue().attemptProperty(), " / ",
                cell.getValue().maxAttemptsProperty()));
        attempt.setPrefWidth(95);
        runs.getColumns().add(attempt);
        TableColumn<RunRow, String> started = new TableColumn<>("Started");
        started.setCellValueFactory(cell -> Bindings.createStringBinding(() -> cell.getValue().startedAtProperty().get()
                == null ? "" : TIME.format(cell.getValue().startedAtProperty().get()), cell.getValue().startedAtProperty()));
        started.setPrefWidth(90);
        runs.getColumns().add(started);
        runs.getColumns().add(duration);
        runs.getColumns().add(TableColumns.column("Batch", RunRow::batchId, 70));
        TableColumn<RunRow, String> why = new TableColumn<>("Why");
        why.setCellValueFactory(cell -> cell.getValue().whyProperty());
        why.setPrefWidth(320);
        runs.getColumns().add(why);
        runs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        runs.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> model.selectedProperty().set(row));
        return runs;
    }

    private Parent detailPane() {
        Label title = new Label("Select a run to see its params, why, error and log");
        title.getStyleClass().add("section-title");
        Label why = valueLabel("detail-why");
        Label error = valueLabel("detail-error");
        error.getStyleClass().add("error-line");
        Label params = valueLabel("detail-params");
        model.selectedProperty().addListener((obs, old, row) -> {
            why.textProperty().unbind();
            error.textProperty().unbind();
            if (row == null) {
                title.setText("Select a run to see its params, why, error and log");
                why.setText("");
                error.setText("");
                params.setText("");
                return;
            }
            title.setText("Run " + row.id() + " · " + row.jobName() + " · batch " + row.batchId());
            why.textProperty().bind(row.whyProperty());
            error.textProperty().bind(Bindings.createStringBinding(() -> row.errorProperty().get() == null
                    ? "—" : row.errorProperty().get(), row.errorProperty()));
            params.setText(row.params().isEmpty() ? "—" : row.params().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        });
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(6);
        facts.addRow(0, new Label("Why"), why);
        facts.addRow(1, new Label("Error"), error);
        facts.addRow(2, new Label("Params"), params);
        ListView<String> log = new ListView<>(model.log());
        log.setId("detail-log");
        log.getStyleClass().add("log-view");
        log.setPlaceholder(new Label("No log lines"));
        model.log().addListener((ListChangeListener<String>) change -> {
            if (!model.log().isEmpty()) {
                log.scrollTo(model.log().size() - 1);
            }
        });
        VBox detail = new VBox(8, title, facts, new Label("Log"), log);
        VBox.setVgrow(log, Priority.ALWAYS);
        detail.setPadding(new Insets(10));
        return detail;
    }

    private static Label valueLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        return label;
    }
}
