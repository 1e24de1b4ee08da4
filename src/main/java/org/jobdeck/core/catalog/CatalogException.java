package org.jobdeck.core.catalog;

/** The root of every error raised by the core: catalogs, groups and jobs that are not right. */
public class CatalogException extends RuntimeException {
    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
