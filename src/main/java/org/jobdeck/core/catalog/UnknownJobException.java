package org.jobdeck.core.catalog;

/** A job name that the catalog does not declare. */
public final class UnknownJobException extends CatalogException {
    private final String job;

    public UnknownJobException(String job, String hint) {
        super("Unknown job: " + job + " (" + hint + ")");
        this.job = job;
    }

    public String job() {
        return job;
    }
}
