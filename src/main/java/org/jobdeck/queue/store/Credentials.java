package org.jobdeck.queue.store;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The user and the secrets a database connection needs, kept apart from the URL. Secrets are the
 * password and any other property whose name ends in "password" (PostgreSQL's
 * {@code sslpassword}); {@link #toString()} never shows them.
 *
 * @param user     null for the driver's default
 * @param secrets  property name (lower case) to value
 * @param spelling the secrets as they were written, when that differs (percent-encoded in a URL):
 *                 redacted too
 */
public record Credentials(String user, Map<String, String> secrets, Set<String> spelling) {
    static final String PASSWORD = "password";
    private static final int SHORTEST_REDACTED = 3;

    public Credentials {
        secrets = Map.copyOf(secrets);
        spelling = Set.copyOf(spelling);
    }

    public static Credentials of(String user, String password) {
        return new Credentials(user, password == null ? Map.of() : Map.of(PASSWORD, password), Set.of());
    }

    public boolean hasPassword() {
        return secrets.containsKey(PASSWORD);
    }

    /** With {@code password} when none was given (the environment's comes second to the URL's). */
    Credentials orPassword(String password) {
        if (hasPassword() || password == null || password.isEmpty()) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(secrets);
        more.put(PASSWORD, password);
        return new Credentials(user, more, spelling);
    }

    Properties asProperties() {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        secrets.forEach(properties::setProperty);
        return properties;
    }

    /** {@code text} with every secret, as given and URL-encoded, replaced by ***. */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        List<String> all = new ArrayList<>(secrets.values());
        all.addAll(spelling);
        for (String secret : all) {
            // A one- or two-letter password would turn every message into asterisks; such a
            // password is no secret anyway.
            if (secret.length() >= SHORTEST_REDACTED) {
                result = result.replace(secret, "***")
                        .replace(URLEncoder.encode(secret, StandardCharsets.UTF_8), "***");
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", secrets=" + secrets.keySet() + "]";
    }
}
