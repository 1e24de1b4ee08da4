package org.jobdeck.ui.connection;

import org.jobdeck.api.JobsApiException;
import org.jobdeck.client.EmbeddedBackend;
import org.jobdeck.core.catalog.CatalogDocument;
import org.jobdeck.core.catalog.CatalogReader;

/** Opens the embedded queue, or (once the REST client exists) a remote server. */
public final class DefaultBackendOpener implements BackendOpener {
    @Override
    public Connection open(ConnectionTarget target) {
        if (target.kind() == ConnectionTarget.Kind.REST) {
            throw new JobsApiException(JobsApiException.Code.UNAVAILABLE,
                    "This build has no REST client yet: connect to an embedded database");
        }
        CatalogDocument catalog = target.catalogFile() == null
                ? CatalogReader.readDefault() : CatalogReader.read(target.catalogFile());
        if (!catalog.isValid()) {
            return new Connection(target, catalog, null);
        }
        return new Connection(target, catalog, EmbeddedBackend.open(catalog, target.databaseUrl(), target.workers()));
    }
}
