package org.jobdeck.core.catalog;

/** A param given at enqueue that does not fit the job, e.g. text where a number is expected. */
public final class InvalidParamsException extends CatalogException {
    public InvalidParamsException(String message) {
        super(message);
    }
}
