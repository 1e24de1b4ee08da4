package org.jobdeck.ui.main;

/**
 * An entry of the group list: a group with its job count, or "All jobs" (name null).
 */
public record GroupItem(String name, String title, int count) {
    public static GroupItem all(int count) {
        return new GroupItem(null, "All jobs", count);
    }

    public boolean isAll() {
        return name == null;
    }

    /** "matching 3", "All jobs 17". */
    public String label() {
        return (isAll() ? title : name) + " " + count;
    }
}
