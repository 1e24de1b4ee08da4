package org.jobdeck.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.jobdeck.client.EmbeddedBackend;
import org.jobdeck.ui.connection.ConnectionTarget;

/**
 * What the console remembers between runs: the theme and the recent connections. A
 * connection is remembered by its database URL without any password, or by its server URL and
 * the path of its token file; a secret is never written here.
 */
public final class ConsolePreferences {
    private static final int RECENT = 8;
    private static final String SEPARATOR = "\u001f";

    private final Preferences node;

    public ConsolePreferences(Preferences node) {
        this.node = node;
    }

    public static ConsolePreferences user() {
        return new ConsolePreferences(Preferences.userRoot().node("org/jobdeck/console"));
    }

    public boolean darkTheme() {
        return node.getBoolean("theme.dark", false);
    }

    public void setDarkTheme(boolean dark) {
        node.putBoolean("theme.dark", dark);
        flush();
    }

    public List<ConnectionTarget> recentConnections() {
        List<ConnectionTarget> targets = new ArrayList<>();
        for (int i = 0; i < RECENT; i++) {
            String encoded = node.get("recent." + i, null);
            if (encoded != null) {
                ConnectionTarget target = decode(encoded);
                if (target != null) {
                    targets.add(target);
                }
            }
        }
        return targets;
    }

    /** Puts a connection first in the recent list (without duplicates). */
    public void remember(ConnectionTarget target) {
        List<ConnectionTarget> targets = new ArrayList<>(recentConnections());
        ConnectionTarget safe = safe(target);
        targets.removeIf(t -> encode(t).equals(encode(safe)));
        targets.add(0, safe);
        for (int i = 0; i < RECENT; i++) {
            if (i < targets.size()) {
                node.put("recent." + i, encode(targets.get(i)));
            } else {
                node.remove("recent." + i);
            }
        }
        flush();
    }

    static ConnectionTarget safe(ConnectionTarget target) {
        if (target.databaseUrl() == null) {
            return target;
        }
        return new ConnectionTarget(target.kind(), EmbeddedBackend.withoutPassword(target.databaseUrl()),
                target.catalogFile(), target.workers(), target.serverUrl(), target.tokenFile());
    }

    static String encode(ConnectionTarget t) {
        return String.join(SEPARATOR, t.kind().name(), text(t.databaseUrl()), text(t.catalogFile()),
                Integer.toString(t.workers()), text(t.serverUrl()), text(t.tokenFile()));
    }

    static ConnectionTarget decode(String encoded) {
        String[] parts = encoded.split(SEPARATOR, -1);
        if (parts.length != 6) {
            return null;
        }
        try {
            return new ConnectionTarget(ConnectionTarget.Kind.valueOf(parts[0]), blankToNull(parts[1]),
                    path(parts[2]), Integer.parseInt(parts[3]), blankToNull(parts[4]), path(parts[5]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }

    private static Path path(String text) {
        return text.isBlank() ? null : Path.of(text);
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Preferences are a convenience: the console works without them.
        }
    }
}
