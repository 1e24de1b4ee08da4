package org.jobdeck.ui.connection;

import org.jobdeck.api.JobsApiException;
import org.jobdeck.client.EmbeddedBackend;
import org.jobdeck.client.EmbeddedJobsApi;
import org.jobdeck.client.RestJobsApi;
import org.jobdeck.client.TokenFile;
import org.jobdeck.core.catalog.CatalogDocument;
import org.jobdeck.core.catalog.CatalogReader;

/** Opens the embedded queue, or a REST server ({@code jobdeck serve}). */
public final class DefaultBackendOpener implements BackendOpener {
    @Override
    public Connection open(ConnectionTarget target) {
        if (target.kind() == ConnectionTarget.Kind.REST) {
            return openRest(target);
        }
        CatalogDocument catalog = target.catalogFile() == null
                ? CatalogReader.readDefault() : CatalogReader.read(target.catalogFile());
        if (!catalog.isValid()) {
            return new Connection(target, catalog, null);
        }
        EmbeddedJobsApi api = EmbeddedBackend.open(catalog, target.databaseUrl(), target.workers());
        if (target.workers() > 0) {
            api.startScheduler(); // the console with workers fires schedules, as serve and worker do
        }
        return new Connection(target, catalog, api);
    }

    /**
     * The token is read from its file now, at connect time, and lives only in the client: the
     * console's preferences keep the file's path, never the token. The catalog is the server's.
     */
    private static Connection openRest(ConnectionTarget target) {
        if (target.serverUrl() == null || target.serverUrl().isBlank()) {
            throw new JobsApiException(JobsApiException.Code.INVALID_REQUEST, "Enter the server URL, e.g. http://127.0.0.1:8080");
        }
        if (target.tokenFile() == null) {
            throw new JobsApiException(JobsApiException.Code.INVALID_REQUEST,
                    "Choose the file that holds the server's token (jobdeck serve names it when it starts)");
        }
        RestJobsApi api = RestJobsApi.connect(target.serverUrl(), TokenFile.read(target.tokenFile()));
        try {
            return new Connection(target, api.catalogDocument(), api);
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
    }
}
