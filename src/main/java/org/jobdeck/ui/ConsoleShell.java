package org.jobdeck.ui;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jobdeck.ui.connection.BackendOpener;
import org.jobdeck.ui.connection.ConnectionDialog;
import org.jobdeck.ui.connection.ConnectionTarget;
import org.jobdeck.ui.enqueue.BulkEnqueueDialog;
import org.jobdeck.ui.enqueue.BulkEnqueueViewModel;
import org.jobdeck.ui.graph.GraphModel;
import org.jobdeck.ui.graph.GraphWindow;
import org.jobdeck.ui.main.MainViewModel;
import org.jobdeck.ui.main.MainWindow;
import org.jobdeck.ui.monitor.ActiveJobsViewModel;
import org.jobdeck.ui.monitor.ActiveJobsWindow;
import org.jobdeck.ui.util.TaskExecutor;

/**
 * The console's shell: the main window on a stage, and the windows its toolbar opens (Bulk
 * Enqueue, Active Jobs, the graph, the Connection dialog), each on the current connection.
 */
public final class ConsoleShell implements MainWindow.Actions, AutoCloseable {
    private final Stage stage;
    private final TaskExecutor executor;
    private final ConsolePreferences preferences;
    private final MainViewModel model;
    private ActiveJobsWindow activeJobs;

    public ConsoleShell(Stage stage, TaskExecutor executor, BackendOpener opener, ConsolePreferences preferences) {
        this.stage = stage;
        this.executor = executor;
        this.preferences = preferences;
        this.model = new MainViewModel(executor, opener);
        Theme.apply(preferences.darkTheme());
        MainWindow window = new MainWindow(model, this, preferences.darkTheme());
        stage.setTitle("Jobdeck");
        stage.setScene(Theme.style(new Scene(window.root(), 1360, 840)));
        model.connectionProperty().addListener((obs, old, now) -> {
            closeActiveJobs();
            if (now != null) {
                stage.setTitle("Jobdeck · " + now.target().label());
            }
        });
    }

    public MainViewModel model() {
        return model;
    }

    public Stage stage() {
        return stage;
    }

    public void connect(ConnectionTarget target) {
        model.connect(target);
    }

    @Override
    public void openBulkEnqueue() {
        BackendOpener.Connection connection = model.connectionProperty().get();
        if (connection == null || !connection.isUsable()) {
            return;
        }
        BulkEnqueueViewModel enqueue = new BulkEnqueueViewModel(connection.catalog().toCatalog(),
                connection.api(), executor);
        new BulkEnqueueDialog(stage, enqueue, executor, this::openActiveJobs).show();
    }

    @Override
    public void openActiveJobs() {
        BackendOpener.Connection connection = model.connectionProperty().get();
        if (connection == null || !connection.isUsable()) {
            return;
        }
        if (activeJobs == null || !activeJobs.stage().isShowing()) {
            ActiveJobsViewModel monitor = new ActiveJobsViewModel(connection.api(), executor);
            activeJobs = new ActiveJobsWindow(stage, monitor);
            monitor.start();
        }
        activeJobs.show();
    }

    public ActiveJobsWindow activeJobsWindow() {
        return activeJobs;
    }

    @Override
    public void openGraph() {
        BackendOpener.Connection connection = model.connectionProperty().get();
        if (connection != null) {
            GraphWindow.show(stage, GraphModel.ofCatalog(connection.catalog().validation(),
                    connection.catalog().problems()), executor);
        }
    }

    @Override
    public void openConnection() {
        BackendOpener.Connection connection = model.connectionProperty().get();
        new ConnectionDialog(stage, connection == null ? ConnectionTarget.embeddedDefault() : connection.target(),
                preferences.recentConnections()).showAndWait().ifPresent(target -> {
                    preferences.remember(target);
                    model.connect(target);
                });
    }

    @Override
    public void toggleTheme(boolean dark) {
        Theme.apply(dark);
        preferences.setDarkTheme(dark);
    }

    private void closeActiveJobs() {
        if (activeJobs != null) {
            activeJobs.stage().close();
            activeJobs = null;
        }
    }

    @Override
    public void close() {
        closeActiveJobs();
        model.close();
    }
}
