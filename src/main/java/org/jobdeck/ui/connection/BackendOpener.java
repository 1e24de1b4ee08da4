package org.jobdeck.ui.connection;

import org.jobdeck.api.JobsApi;
import org.jobdeck.core.catalog.CatalogDocument;

/** Opens a backend for a target; swapped for a fake-free test double only at the REST edge. */
@FunctionalInterface
public interface BackendOpener {
    /**
     * Reads the catalog and opens the backend. Blocks on I/O: call it off the UI thread.
     *
     * @return the connection; its {@code api} is null when the catalog is invalid (the console
     *         then shows the problems and nothing else)
     */
    Connection open(ConnectionTarget target);

    /** An open backend and the catalog document it serves. */
    record Connection(ConnectionTarget target, CatalogDocument catalog, JobsApi api) implements AutoCloseable {
        public boolean isUsable() {
            return api != null;
        }

        @Override
        public void close() {
            if (api != null) {
                api.close();
            }
        }
    }
}
