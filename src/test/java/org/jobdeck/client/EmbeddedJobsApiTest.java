package org.jobdeck.client;

import org.jobdeck.api.JobsApi;

/** The contract, straight on the embedded backend. */
class EmbeddedJobsApiTest extends JobsApiContract {
    @Override
    protected JobsApi face(EmbeddedJobsApi backend) {
        return backend;
    }
}
