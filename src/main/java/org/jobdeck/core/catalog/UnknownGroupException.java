package org.jobdeck.core.catalog;

/** A group name that the catalog does not declare. */
public final class UnknownGroupException extends CatalogException {
    private final String group;

    public UnknownGroupException(String group, String knownGroups) {
        super("Unknown group: " + group + " (known groups: " + knownGroups + ")");
        this.group = group;
    }

    public String group() {
        return group;
    }
}
