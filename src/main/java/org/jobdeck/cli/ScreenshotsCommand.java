package org.jobdeck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import org.jobdeck.ui.Screenshots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jobdeck screenshots --out DIR}: renders the console's windows to PNG, headless, on a
 * scratch database with a real batch of the feed group.
 */
@Command(name = "screenshots", description = "Render the console's windows to PNG files, without a display.")
final class ScreenshotsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the PNG files to.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("jobdeck-screenshots");
        try {
            List<Path> files = new Screenshots(out, work).render();
            files.forEach(file -> spec.commandLine().getOut().println("Wrote " + file));
            return ExitCodes.OK;
        } finally {
            Platform.exit();
            deleteQuietly(work);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a scratch directory under the system temp dir
        }
    }
}
