package org.jobdeck.ui;

import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;

/** Starts the console from a plain class (the CLI, {@code mvn javafx:run}). */
public final class ConsoleLauncher {
    private ConsoleLauncher() {
    }

    /** Blocks until the console window closes. */
    public static void launch(ConsoleOptions options) {
        ConsoleApp.use(options);
        exitGracefullyOnSignals();
        Application.launch(ConsoleApp.class);
    }

    /**
     * Ctrl-C or SIGTERM closes the console like its window's close button: workers hand their
     * runs back and the database closes before the JVM's shutdown hooks (H2's among them) run.
     */
    @SuppressWarnings("removal")
    private static void exitGracefullyOnSignals() {
        for (String name : List.of("INT", "TERM")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> Platform.exit());
            } catch (IllegalArgumentException | UnsupportedOperationException unsupported) {
                // No such signal on this platform: closing the window still shuts down cleanly.
            }
        }
    }
}
