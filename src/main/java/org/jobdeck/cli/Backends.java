package org.jobdeck.cli;

import org.jobdeck.api.JobsApi;
import org.jobdeck.client.EmbeddedJobsApi;
import org.jobdeck.client.EmbeddedBackend;
import org.jobdeck.core.catalog.CatalogDocument;

/**
 * Opens the backend the queue commands talk to: a server ({@code --server}, see
 * {@link RemoteOptions}), else the embedded queue from {@code --catalog} and {@code --db}.
 */
final class Backends {
    private Backends() {
    }

    /** The server when one is named, else the embedded queue (catalog read first, as below). */
    static JobsApi open(JobdeckCommand root, RemoteOptions remote) {
        RemoteOptions.Remote server = remote.resolve(root);
        return server != null ? server.open() : open(root);
    }

    /**
     * Opens the queue without workers: commands that work runs start their own pool once they
     * know what it should claim ({@link LocalWorkers}). The catalog is read first, so an invalid
     * one exits 3 before the database is touched.
     */
    static EmbeddedJobsApi open(JobdeckCommand root) {
        CatalogDocument catalog = root.readCatalog();
        catalog.toCatalog();
        return EmbeddedBackend.open(catalog, root.databaseUrl, 0);
    }
}
