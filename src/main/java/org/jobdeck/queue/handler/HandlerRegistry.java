package org.jobdeck.queue.handler;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import org.jobdeck.core.catalog.JobDefinition;

/**
 * Finds the handler for a job: a catalog job with a {@code command} runs that process; any
 * other job needs a handler registered under its name, programmatically or through a
 * {@link JobHandlerProvider} found by {@link ServiceLoader}.
 */
public final class HandlerRegistry {
    private final Map<String, JobHandler> handlers = new ConcurrentHashMap<>();

    /** A registry with every handler that ServiceLoader finds on the class path. */
    public static HandlerRegistry withServiceLoader() {
        HandlerRegistry registry = new HandlerRegistry();
        for (JobHandlerProvider provider : ServiceLoader.load(JobHandlerProvider.class)) {
            provider.handlers().forEach(registry::register);
        }
        return registry;
    }

    public HandlerRegistry register(String jobName, JobHandler handler) {
        handlers.put(jobName, handler);
        return this;
    }

    public Optional<JobHandler> find(JobDefinition job) {
        if (!job.command().isEmpty()) {
            return Optional.of(CommandHandler.forJob(job));
        }
        return Optional.ofNullable(handlers.get(job.name()));
    }

    public boolean has(String jobName) {
        return handlers.containsKey(jobName);
    }
}
