package org.jobdeck.cli;

import java.nio.file.Path;
import org.jobdeck.client.RestJobsApi;
import org.jobdeck.client.TokenFile;
import picocli.CommandLine.Option;

/**
 * {@code --server URL} and {@code --token-file FILE}: talk to a Jobdeck server instead of a
 * database. The environment may name them too: {@code JOBDECK_SERVER} (the URL) and
 * {@code JOBDECK_TOKEN} (the token itself); a {@code --token-file} wins over
 * {@code JOBDECK_TOKEN}, and {@code --db} or {@code --catalog} over {@code JOBDECK_SERVER}.
 */
final class RemoteOptions {
    static final String ENV_SERVER = "JOBDECK_SERVER";
    static final String ENV_TOKEN = "JOBDECK_TOKEN";

    @Option(names = "--server", paramLabel = "URL",
            description = "A Jobdeck server (jobdeck serve) to talk to instead of --db"
                    + " (default: $" + ENV_SERVER + ").")
    String server;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the server's token (default: $" + ENV_TOKEN + ", the token itself).")
    Path tokenFile;

    /** A server and the token to give it (null when there is none to give). */
    record Remote(String url, String token) {
        RestJobsApi open() {
            return RestJobsApi.connect(url, token);
        }
    }

    /**
     * The server this command talks to, or null for the embedded queue. Options given before
     * the command ({@code jobdeck --server URL runs}) count too.
     */
    Remote resolve(JobdeckCommand root) {
        String url = server != null ? server : root.remote.server;
        Path file = tokenFile != null ? tokenFile : root.remote.tokenFile;
        if (url != null) {
            if (root.databaseUrl != null) {
                throw new UserError("--server and --db exclude each other: a server has its own database",
                        ExitCodes.USAGE);
            }
            if (root.catalogFile != null) {
                throw new UserError("--catalog applies to the embedded queue: a server uses its own catalog",
                        ExitCodes.USAGE);
            }
        } else if (root.databaseUrl == null && root.catalogFile == null) {
            url = blankToNull(System.getenv(ENV_SERVER));
        }
        if (url == null) {
            if (file != null) {
                throw new UserError("--token-file goes with --server URL (or $" + ENV_SERVER + ")", ExitCodes.USAGE);
            }
            return null;
        }
        String token = file != null ? TokenFile.read(file) : blankToNull(System.getenv(ENV_TOKEN));
        return new Remote(url, token);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
