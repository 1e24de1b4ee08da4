package org.jobdeck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jobdeck.demo.DatasetInfo;
import org.jobdeck.demo.DatasetSpec;
import org.jobdeck.demo.DemoDataException;
import org.jobdeck.demo.DemoDataset;
import org.jobdeck.queue.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jobdeck demo-data}: create the demo dataset the default catalog's handlers work on, in
 * the queue's database (schema {@code demo}), with its images under the data directory.
 */
@Command(name = "demo-data", description = "Create the demo dataset (users, posts, media files) the default catalog's"
        + " jobs work on; it is also created on first use.")
public final class DemoDataCommand implements Callable<Integer> {
    @ParentCommand
    JobdeckCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--users", paramLabel = "N", description = "Users to generate (default: "
            + DatasetSpec.DEFAULT_USERS + "); posts are ten times that, media files a quarter.")
    Integer users;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: " + DatasetSpec.DEFAULT_SEED + ").")
    Long seed;

    @Option(names = "--reset", description = "Drop the existing dataset, every job output and its media files first.")
    boolean reset;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where media files go (default: $"
            + DemoDataset.ENV_DATA_DIR + ", else ~/.jobdeck/data).")
    Path dataDirectory;

    @Override
    public Integer call() {
        int count = users == null ? DatasetSpec.DEFAULT_USERS : users;
        if (count < DatasetSpec.MIN_USERS) {
            throw new UserError("--users must be at least " + DatasetSpec.MIN_USERS + ", got " + count, ExitCodes.USAGE);
        }
        DatasetSpec wanted = DatasetSpec.ofUsers(count, Instant.now())
                .withSeed(seed == null ? DatasetSpec.DEFAULT_SEED : seed);
        PrintWriter out = spec.commandLine().getOut();
        try (Database database = Database.open(root.database(), 2)) {
            DemoDataset dataset = DemoDataset.at(database,
                    dataDirectory == null ? DemoDataset.defaultDataDirectory() : dataDirectory);
            Optional<DatasetInfo> existing = dataset.info();
            if (existing.isPresent() && !reset) {
                if (users != null || seed != null) {
                    throw new UserError("A demo dataset already exists (" + existing.get().users() + " users) in "
                            + database.url().display() + "; add --reset to replace it", ExitCodes.USAGE);
                }
                out.println("Demo dataset already there: " + existing.get().summary());
                return ExitCodes.OK;
            }
            long started = System.nanoTime();
            DatasetInfo info = reset ? dataset.reset(wanted) : dataset.generate(wanted);
            out.println(String.format(Locale.ROOT, "Created the demo dataset in %s (%.1f s): %s",
                    database.url().display(), (System.nanoTime() - started) / 1e9, info.summary()));
            return ExitCodes.OK;
        } catch (DemoDataException e) {
            throw new UserError(e.getMessage(), ExitCodes.FAILED);
        }
    }
}
