package org.jobdeck.client;

import java.time.Instant;
import org.jobdeck.api.JobsApiException;
import org.jobdeck.core.catalog.CatalogDocument;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.demo.DemoDataset;
import org.jobdeck.demo.DemoHandlers;
import org.jobdeck.queue.QueueException;
import org.jobdeck.queue.handler.HandlerRegistry;
import org.jobdeck.queue.store.Database;
import org.jobdeck.queue.store.DatabaseUrl;
import org.jobdeck.queue.worker.WorkerSettings;

/**
 * Opens the embedded backend the way every face does: the catalog (which must be valid), the
 * database from a URL (null for the default), handlers found by ServiceLoader, and a worker
 * pool when {@code workers > 0}.
 */
public final class EmbeddedBackend {
    private EmbeddedBackend() {
    }

    /**
     * Opens the backend with the handlers ServiceLoader finds and, for the built-in catalog, the
     * demo jobs' handlers on the demo dataset (created in the same database on first use).
     */
    public static EmbeddedJobsApi open(CatalogDocument catalog, String databaseUrl, int workers) {
        return open(catalog, databaseUrl, workers > 0 ? WorkerSettings.defaults(workers) : null);
    }

    /** As above, with the worker pool's settings given (null for no pool). */
    public static EmbeddedJobsApi open(CatalogDocument catalog, String databaseUrl, WorkerSettings workers) {
        DatabaseUrl url = parse(databaseUrl);
        EmbeddedJobsApi api = EmbeddedJobsApi.open(catalog.toCatalog(), url, database -> handlersFor(catalog, database),
                workers);
        if (CatalogReader.DEFAULT_ORIGIN.equals(catalog.origin())) {
            try {
                ExampleSchedules.ensure(api.store().schedules(), Instant.ofEpochMilli(api.store().now()));
            } catch (RuntimeException e) {
                api.close();
                throw ApiErrors.translate(e);
            }
        }
        return api;
    }

    static HandlerRegistry handlersFor(CatalogDocument catalog, Database database) {
        HandlerRegistry handlers = HandlerRegistry.withServiceLoader();
        if (CatalogReader.DEFAULT_ORIGIN.equals(catalog.origin())) {
            DemoHandlers.registerAll(handlers, database, DemoDataset.defaultDataDirectory());
        }
        return handlers;
    }

    public static EmbeddedJobsApi open(CatalogDocument catalog, String databaseUrl, int workers,
                                       HandlerRegistry handlers) {
        DatabaseUrl url = parse(databaseUrl);
        WorkerSettings settings = workers > 0 ? WorkerSettings.defaults(workers) : null;
        return EmbeddedJobsApi.open(catalog.toCatalog(), url, handlers, settings);
    }

    /** The URL without any password, fit to remember (the password belongs in JOBDECK_DB_PASSWORD). */
    public static String withoutPassword(String databaseUrl) {
        return DatabaseUrl.withoutPassword(databaseUrl);
    }

    /** --db / JOBDECK_DB / the default; a bad URL is an UNAVAILABLE error with one clear line. */
    public static DatabaseUrl parse(String databaseUrl) {
        try {
            return databaseUrl == null || databaseUrl.isBlank() ? DatabaseUrl.defaultUrl() : DatabaseUrl.parse(databaseUrl);
        } catch (QueueException e) {
            throw new JobsApiException(JobsApiException.Code.UNAVAILABLE, e.getMessage(), e);
        }
    }
}
