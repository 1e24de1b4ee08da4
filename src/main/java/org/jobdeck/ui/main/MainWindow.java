package org.jobdeck.ui.main;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.jobdeck.ui.util.TableColumns;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's content: a toolbar (Bulk Enqueue…, Active Jobs, Graph, Connection…, theme),
 * the groups with counts, the jobs of the selected group with a filter, the catalog's problems
 * when it is invalid, and a status bar (backend, connection, running/queued/failed counts).
 * It only binds to {@link MainViewModel} and forwards toolbar clicks to {@link Actions}.
 */
public final class MainWindow {
    /** What the toolbar asks the application to do. */
    public interface Actions {
        void openBulkEnqueue();

        void openActiveJobs();

        void openGraph();

        void openConnection();

        void toggleTheme(boolean dark);
    }

    private final MainViewModel model;
    private final Actions actions;
    private final BorderPane root = new BorderPane();

    public MainWindow(MainViewModel model, Actions actions, boolean dark) {
        this.model = model;
        this.actions = actions;
        root.setId("main-window");
        root.setTop(toolbar(dark));
        root.setCenter(content());
        root.setBottom(statusBar());
    }

    public Parent root() {
        return root;
    }

    private ToolBar toolbar(boolean dark) {
        Button enqueue = button("Bulk Enqueue…", "mdi2p-playlist-plus", "bulk-enqueue", actions::openBulkEnqueue);
        Button active = button("Active Jobs", "mdi2p-pulse", "active-jobs", actions::openActiveJobs);
        Button graph = button("Graph", "mdi2g-graph-outline", "graph", actions::openGraph);
        Button connection = button("Connection…", "mdi2l-lan-connect", "connection", actions::openConnection);
        var notUsable = Bindings.createBooleanBinding(() -> model.connectionProperty().get() == null
                || !model.connectionProperty().get().isUsable(), model.connectionProperty());
        enqueue.disableProperty().bind(notUsable);
        active.disableProperty().bind(notUsable);
        graph.disableProperty().bind(model.connectionProperty().isNull());
        ToggleButton theme = new ToggleButton(null, new FontIcon("mdi2t-theme-light-dark"));
        theme.setId("theme-toggle");
        theme.setTooltip(new Tooltip("Dark theme"));
        theme.setSelected(dark);
        theme.selectedProperty().addListener((obs, old, now) -> actions.toggleTheme(now));
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(enqueue, active, graph, new Separator(Orientation.VERTICAL), connection, spacer, theme);
    }

    private static Button button(String text, String icon, String id, Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }

    private Node content() {
        ListView<GroupItem> groups = new ListView<>(model.groups());
        groups.setId("group-list");
        groups.setCellFactory(list -> new GroupCell());
        groups.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedGroupProperty().set(now);
            }
        });
        model.selectedGroupProperty().addListener((obs, old, now) -> groups.getSelectionModel().select(now));
        Label groupsTitle = new Label("Groups");
        groupsTitle.getStyleClass().add("section-title");
        VBox left = new VBox(8, groupsTitle, groups);
        VBox.setVgrow(groups, Priority.ALWAYS);
        left.setPadding(new Insets(10));
        left.setMinWidth(200);

        TextField filter = new TextField();
        filter.setId("job-filter");
        filter.setPromptText("Filter jobs by name, description, dependency, param…");
        filter.textProperty().bindBidirectional(model.filterProperty());
        TableView<JobRow> jobs = jobsTable();
        VBox right = new VBox(8, problemsPane(), filter, jobs);
        VBox.setVgrow(jobs, Priority.ALWAYS);
        right.setPadding(new Insets(10));

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.2);
        return split;
    }

    private TableView<JobRow> jobsTable() {
        TableView<JobRow> table = new TableView<>(model.visibleJobs());
        table.setId("jobs-table");
        table.setPlaceholder(new Label("No jobs match"));
        table.getColumns().add(TableColumns.column("Name", JobRow::name, 170));
        table.getColumns().add(TableColumns.column("Description", JobRow::description, 280));
        table.getColumns().add(TableColumns.column("Group", JobRow::group, 100));
        table.getColumns().add(TableColumns.column("Depends on", JobRow::dependsOn, 200));
        table.getColumns().add(TableColumns.column("Needed by", JobRow::neededBy, 200));
        table.getColumns().add(TableColumns.column("Default params", JobRow::defaultParams, 240));
        table.getColumns().add(TableColumns.column("Examples", JobRow::examples, 380));
        return table;
    }

    private Node problemsPane() {
        Label title = new Label();
        title.getStyleClass().add("problems-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> "The catalog has " + model.problems().size()
                + " problem" + (model.problems().size() == 1 ? "" : "s")
                + ": fix them and reconnect. Nothing can be enqueued meanwhile.", model.problems()));
        ListView<String> problems = new ListView<>(model.problems());
        problems.setId("problems-list");
        problems.getStyleClass().add("problem-line");
        problems.setPrefHeight(180);
        VBox pane = new VBox(6, title, problems);
        pane.getStyleClass().add("problems-pane");
        pane.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty().bind(model.backendProperty());
        Label connection = statusLabel("status-connection");
        connection.textProperty().bind(model.connectionStateProperty());
        Label running = statusLabel("status-running");
        running.textProperty().bind(Bindings.concat("Running ", model.runningProperty()));
        Label queued = statusLabel("status-queued");
        queued.textProperty().bind(Bindings.concat("Queued ", model.queuedProperty()));
        Label failed = statusLabel("status-failed");
        failed.textProperty().bind(Bindings.concat("Failed ", model.failedProperty()));
        bar.getRightItems().addAll(connection, running, queued, failed);
        return bar;
    }

    private static Label statusLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("status-item");
        return label;
    }

    /** "matching   3" with the title as a tooltip. */
    private static final class GroupCell extends ListCell<GroupItem> {
        @Override
        protected void updateItem(GroupItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                setId(null);
                return;
            }
            setText(item.label());
            setId("group-" + (item.isAll() ? "all" : item.name()));
            setTooltip(new Tooltip(item.title()));
        }
    }
}
