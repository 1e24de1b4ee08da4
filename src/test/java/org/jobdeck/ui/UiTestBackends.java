package org.jobdeck.ui;

import java.util.UUID;
import org.jobdeck.client.EmbeddedBackend;
import org.jobdeck.core.catalog.CatalogDocument;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.queue.handler.HandlerRegistry;
import org.jobdeck.ui.connection.BackendOpener;
import org.jobdeck.ui.connection.ConnectionTarget;

/** Real embedded backends for UI tests: an H2 database in memory and registered handlers. */
public final class UiTestBackends {
    private UiTestBackends() {
    }

    public static String freshDatabase() {
        return "jdbc:h2:mem:ui-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** Every job of the catalog gets a handler that logs and reports progress. */
    public static HandlerRegistry workingHandlers(CatalogDocument catalog) {
        HandlerRegistry handlers = new HandlerRegistry();
        catalog.validation().jobs().forEach(job -> handlers.register(job.name(), context -> {
            context.log(context.jobName() + " working on attempt " + context.attempt());
            context.progress(2, 2, "done");
        }));
        return handlers;
    }

    /** Opens targets with the given handlers instead of the ServiceLoader's. */
    public static BackendOpener opener(HandlerRegistry handlers) {
        return target -> {
            CatalogDocument catalog = target.catalogFile() == null
                    ? CatalogReader.readDefault() : CatalogReader.read(target.catalogFile());
            if (!catalog.isValid()) {
                return new BackendOpener.Connection(target, catalog, null);
            }
            return new BackendOpener.Connection(target, catalog,
                    EmbeddedBackend.open(catalog, target.databaseUrl(), target.workers(), handlers));
        };
    }

    public static ConnectionTarget target(String database, int workers) {
        return ConnectionTarget.embedded(database, null, workers);
    }
}
