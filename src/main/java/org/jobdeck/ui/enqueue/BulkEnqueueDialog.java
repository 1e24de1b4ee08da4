package org.jobdeck.ui.enqueue;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jobdeck.ui.Theme;
import org.jobdeck.ui.graph.DependencyGraphView;
import org.jobdeck.ui.main.GroupItem;
import org.jobdeck.ui.util.TableColumns;
import org.jobdeck.ui.util.TaskExecutor;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Bulk Enqueue dialog: choose "Enqueue All Jobs" or "Enqueue Job Group", see the resolved
 * plan at once (as a table with Member/Dependency and why, and as a graph), optionally edit the
 * params the plan's jobs declare (each with its type and description, checked as typed), then
 * enqueue. Enter enqueues; Escape closes.
 */
public final class BulkEnqueueDialog {
    private final BulkEnqueueViewModel model;
    private final Runnable openActiveJobs;
    private final Stage stage = new Stage();
    private final DependencyGraphView graph;

    public BulkEnqueueDialog(Window owner, BulkEnqueueViewModel model, TaskExecutor executor, Runnable openActiveJobs) {
        this.model = model;
        this.openActiveJobs = openActiveJobs;
        this.graph = new DependencyGraphView(executor);
        graph.setId("plan-graph");
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Bulk Enqueue");
        Scene scene = Theme.style(new Scene(root(), 1100, 680));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                stage.close();
                event.consume();
            }
        });
        stage.setScene(scene);
        graph.modelProperty().bind(model.planGraphProperty());
    }

    public Stage stage() {
        return stage;
    }

    public BulkEnqueueViewModel model() {
        return model;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    private Parent root() {
        BorderPane root = new BorderPane();
        root.setId("bulk-enqueue-dialog");
        root.setPadding(new Insets(14));
        root.setTop(chooser());
        root.setCenter(tabs());
        root.setBottom(footer());
        return root;
    }

    private VBox chooser() {
        ToggleGroup modes = new ToggleGroup();
        RadioButton all = new RadioButton("Enqueue All Jobs");
        all.setId("mode-all");
        all.setToggleGroup(modes);
        RadioButton group = new RadioButton("Enqueue Job Group");
        group.setId("mode-group");
        group.setToggleGroup(modes);
        (model.modeProperty().get() == BulkEnqueueViewModel.Mode.ALL ? all : group).setSelected(true);
        modes.selectedToggleProperty().addListener((obs, old, now) -> model.modeProperty().set(
                now == all ? BulkEnqueueViewModel.Mode.ALL : BulkEnqueueViewModel.Mode.GROUP));

        ComboBox<GroupItem> picker = new ComboBox<>(model.groups());
        picker.setId("group-picker");
        picker.setCellFactory(list -> new GroupChoiceCell());
        picker.setButtonCell(new GroupChoiceCell());
        picker.valueProperty().bindBidirectional(model.groupProperty());
        picker.disableProperty().bind(all.selectedProperty());

        Label summary = new Label();
        summary.setId("plan-summary");
        summary.getStyleClass().add("summary-line");
        summary.textProperty().bind(model.summaryProperty());

        HBox choice = new HBox(16, all, group, picker);
        choice.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(12, choice, summary);
        top.setPadding(new Insets(0, 0, 12, 0));
        return top;
    }

    private TabPane tabs() {
        Tab plan = new Tab("Plan", planTable());
        plan.setId("plan-tab");
        Tab graphTab = new Tab("Graph", graph);
        graphTab.setId("graph-tab");
        Tab params = new Tab("Params", paramsTable());
        params.setId("params-tab");
        params.textProperty().bind(Bindings.when(model.paramsValidBinding())
                .then("Params").otherwise("Params (fix before enqueueing)"));
        TabPane tabs = new TabPane(plan, graphTab, params);
        tabs.setId("plan-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private TableView<PlanRow> planTable() {
        TableView<PlanRow> table = new TableView<>(model.planRows());
        table.setId("plan-table");
        TableColumn<PlanRow, String> position = TableColumns.column("#", row -> Integer.toString(row.position()), 45);
        TableColumn<PlanRow, String> includedAs = TableColumns.column("Included as", PlanRow::includedAs, 120);
        includedAs.setCellFactory(column -> new IncludedAsCell());
        table.getColumns().add(position);
        table.getColumns().add(TableColumns.column("Job", PlanRow::job, 200));
        table.getColumns().add(TableColumns.column("Group", PlanRow::group, 120));
        table.getColumns().add(includedAs);
        table.getColumns().add(TableColumns.column("Why", PlanRow::why, 380));
        table.getColumns().add(TableColumns.column("Wave", row -> Integer.toString(row.wave()), 70));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    /** Every declared param of the plan's jobs; each value is checked as it is typed. */
    private TableView<ParamRow> paramsTable() {
        TableView<ParamRow> table = new TableView<>(model.params());
        table.setId("params-table");
        table.setPlaceholder(new Label("No job in this plan declares params"));
        TableColumn<ParamRow, ParamRow> value = new TableColumn<>("Value (empty: the default)");
        value.setId("param-value-column");
        value.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        value.setCellFactory(column -> new ParamValueCell());
        value.setSortable(false);
        value.setPrefWidth(420);
        table.getColumns().add(TableColumns.column("Job", ParamRow::job, 150));
        table.getColumns().add(TableColumns.column("Param", ParamRow::key, 120));
        table.getColumns().add(TableColumns.column("Type", ParamRow::typeSummary, 120));
        table.getColumns().add(TableColumns.column("Default", ParamRow::defaultValue, 70));
        table.getColumns().add(value);
        table.getColumns().add(TableColumns.column("Description", ParamRow::description, 240));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private VBox footer() {
        Label error = new Label();
        error.setId("enqueue-error");
        error.getStyleClass().add("error-line");
        error.textProperty().bind(model.errorProperty());
        error.setWrapText(true);
        Label paramProblems = new Label();
        paramProblems.setId("param-problems");
        paramProblems.getStyleClass().add("error-line");
        paramProblems.textProperty().bind(model.paramProblemsProperty());
        paramProblems.setWrapText(true);
        paramProblems.managedProperty().bind(paramProblems.textProperty().isNotEmpty());
        Label result = new Label();
        result.setId("enqueue-result");
        result.getStyleClass().add("result-line");
        result.textProperty().bind(model.resultTextProperty());
        result.setWrapText(true);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(model.enqueueingProperty());
        Button openMonitor = new Button("Open Active Jobs", new FontIcon("mdi2p-pulse"));
        openMonitor.setId("open-active-jobs");
        openMonitor.visibleProperty().bind(model.resultProperty().isNotNull());
        openMonitor.setOnAction(event -> openActiveJobs.run());
        Button close = new Button("Close");
        close.setId("close");
        close.setCancelButton(true);
        close.setOnAction(event -> stage.close());
        Button enqueue = new Button("Enqueue", new FontIcon("mdi2p-play"));
        enqueue.setId("enqueue");
        enqueue.setDefaultButton(true);
        enqueue.getStyleClass().add("accent");
        enqueue.disableProperty().bind(Bindings.not(model.canEnqueueBinding()));
        enqueue.setOnAction(event -> model.enqueue());
        ButtonBar.setButtonData(openMonitor, ButtonBar.ButtonData.LEFT);
        ButtonBar.setButtonData(close, ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonBar.setButtonData(enqueue, ButtonBar.ButtonData.OK_DONE);
        ButtonBar buttons = new ButtonBar();
        buttons.getButtons().addAll(openMonitor, busy, close, enqueue);
        VBox footer = new VBox(8, paramProblems, error, result, buttons);
        footer.setPadding(new Insets(12, 0, 0, 0));
        return footer;
    }

    /** "feed · 4 jobs" in the group picker. */
    private static final class GroupChoiceCell extends ListCell<GroupItem> {
        @Override
        protected void updateItem(GroupItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null
                    : item.name() + " · " + item.count() + (item.count() == 1 ? " job" : " jobs"));
        }
    }

    /** Member in the accent colour, Dependency muted and italic. */
    private static final class IncludedAsCell extends TableCell<PlanRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("included-member", "included-dependency");
            setText(empty ? null : item);
            if (!empty && item != null) {
                getStyleClass().add("Member".equals(item) ? "included-member" : "included-dependency");
            }
        }
    }
}
