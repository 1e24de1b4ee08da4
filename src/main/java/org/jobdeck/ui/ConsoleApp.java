package org.jobdeck.ui;

import javafx.application.Application;
import javafx.stage.Stage;
import org.jobdeck.ui.connection.ConnectionTarget;
import org.jobdeck.ui.connection.DefaultBackendOpener;
import org.jobdeck.ui.util.FxTaskExecutor;

/**
 * The JavaFX application. Start it through {@link ConsoleLauncher}: a jar's main class must
 * not extend Application (TOOLCHAIN.md).
 */
public final class ConsoleApp extends Application {
    private static volatile ConsoleOptions options = new ConsoleOptions(ConnectionTarget.embeddedDefault());
    private FxTaskExecutor executor;
    private ConsoleShell shell;

    static void use(ConsoleOptions startWith) {
        options = startWith;
    }

    @Override
    public void start(Stage stage) {
        ConsolePreferences preferences = ConsolePreferences.user();
        executor = new FxTaskExecutor();
        shell = new ConsoleShell(stage, executor, new DefaultBackendOpener(), preferences);
        stage.show();
        shell.connect(options.target());
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.close();
        }
        if (executor != null) {
            executor.close();
        }
    }
}
