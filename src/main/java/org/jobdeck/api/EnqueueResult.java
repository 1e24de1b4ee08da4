package org.jobdeck.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The seed's enqueue response: {@code {"status":"enqueued","group":"feed","count":6,
 * "batchId":…,"jobs":[{"jobName":…,"jobRunId":…,"group":…}]}}. The top-level group appears only
 * for a group enqueue.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnqueueResult(String status, String group, int count, String batchId,
                            List<EnqueuedJob> jobs) {
    public EnqueueResult {
        jobs = List.copyOf(jobs);
    }

    public record EnqueuedJob(String jobName, String jobRunId, String group) {
    }
}
