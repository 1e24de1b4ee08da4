package org.jobdeck.queue.handler;

import java.util.Map;

/**
 * A source of handlers found through {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/org.jobdeck.queue.handler.JobHandlerProvider}.
 */
public interface JobHandlerProvider {
    /** Handlers by job name. */
    Map<String, JobHandler> handlers();
}
