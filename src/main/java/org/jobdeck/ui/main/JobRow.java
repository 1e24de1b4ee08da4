package org.jobdeck.ui.main;

import java.util.Locale;

/** One row of the main window's jobs table, as text ready to show and filter. */
public record JobRow(String name, String description, String group, String dependsOn,
                     String neededBy, String defaultParams, String examples) {

    boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String needle = filter.trim().toLowerCase(Locale.ROOT);
        return (name + " " + description + " " + group + " " + dependsOn + " " + neededBy + " "
                + defaultParams + " " + examples).toLowerCase(Locale.ROOT).contains(needle);
    }
}
