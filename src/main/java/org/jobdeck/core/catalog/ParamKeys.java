package org.jobdeck.core.catalog;

import java.util.regex.Pattern;

/**
 * The rule every param key follows, declared or given: a letter, then letters, digits, '_', '.'
 * or '-'. A command job receives its params as {@code --key=value}, so a key is a fragment of a
 * command line: no '=', no spaces, no leading '-' that could make one argument look like two, and
 * nothing a shell or a program's option parser could read as more than a name.
 */
public final class ParamKeys {
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    /** How a message states the rule. */
    static final String RULE = "a letter, then letters, digits, '_', '.' or '-'";

    private ParamKeys() {
    }

    public static boolean isValid(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /** The key as a one-line message can show it: quoted, escaped and shortened. */
    public static String quoted(String key) {
        return Quoting.key(key);
    }

    /** "param key 'a b' is not a valid name (a letter, then …)", for any caller that refuses a key. */
    public static String invalid(String key) {
        return "param key " + quoted(key) + " is not a valid name (" + RULE + ")";
    }
}
