package org.jobdeck.client;

import org.jobdeck.api.JobsApiException;
import org.jobdeck.api.JobsApiException.Code;
import org.jobdeck.core.catalog.CatalogException;
import org.jobdeck.core.catalog.InvalidCatalogException;
import org.jobdeck.core.catalog.InvalidParamsException;
import org.jobdeck.core.catalog.UnknownGroupException;
import org.jobdeck.core.catalog.UnknownJobException;
import org.jobdeck.queue.IdempotencyKeyReusedException;
import org.jobdeck.queue.IllegalRunStateException;
import org.jobdeck.queue.InvalidChangePositionException;
import org.jobdeck.queue.QueueException;
import org.jobdeck.queue.ScheduleExistsException;
import org.jobdeck.queue.UnknownRunException;
import org.jobdeck.queue.UnknownScheduleException;

/** Maps the errors of core and queue onto {@link JobsApiException} codes. */
final class ApiErrors {
    private ApiErrors() {
    }

    static JobsApiException translate(RuntimeException e) {
        if (e instanceof JobsApiException api) {
            return api;
        }
        Code code;
        if (e instanceof UnknownGroupException) {
            code = Code.UNKNOWN_GROUP;
        } else if (e instanceof UnknownJobException) {
            code = Code.UNKNOWN_JOB;
        } else if (e instanceof InvalidParamsException) {
            code = Code.INVALID_PARAMS;
        } else if (e instanceof InvalidCatalogException) {
            code = Code.INVALID_CATALOG;
        } else if (e instanceof CatalogException || e instanceof IllegalArgumentException) {
            code = Code.INVALID_REQUEST;
        } else if (e instanceof UnknownRunException) {
            code = Code.UNKNOWN_RUN;
        } else if (e instanceof IllegalRunStateException) {
            code = Code.INVALID_STATE;
        } else if (e instanceof IdempotencyKeyReusedException) {
            code = Code.IDEMPOTENCY_KEY_REUSED;
        } else if (e instanceof UnknownScheduleException) {
            code = Code.UNKNOWN_SCHEDULE;
        } else if (e instanceof InvalidChangePositionException || e instanceof ScheduleExistsException) {
            code = Code.INVALID_REQUEST;
        } else if (e instanceof QueueException) {
            code = Code.UNAVAILABLE;
        } else {
            code = Code.SERVER_ERROR;
        }
        return new JobsApiException(code, e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }
}
