package org.jobdeck.ui;

import javafx.application.Application;

/** Starts the console from a plain class (the CLI, {@code mvn javafx:run}). */
public final class ConsoleLauncher {
    private ConsoleLauncher() {
    }

    /** Blocks until the console window closes. */
    public static void launch(ConsoleOptions options) {
        ConsoleApp.use(options);
        Application.launch(ConsoleApp.class);
    }
}
