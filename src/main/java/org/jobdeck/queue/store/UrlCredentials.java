package org.jobdeck.queue.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database URL taken apart into the URL without its secrets and the credentials it carried.
 * The forms: user info ({@code //user:password@host}, percent-encoded), query parameters
 * ({@code ?password=…}, {@code &sslpassword=…}, percent-encoded) and H2 settings
 * ({@code ;PASSWORD=…}). A user in the user info becomes the {@code user} property, because the
 * PostgreSQL driver does not read user info at all.
 *
 * @param url        the URL with no secret left in it
 * @param masked     the URL as given, every secret replaced by ***
 * @param remembered the URL as given without its secrets, the user left in place: fit to remember
 */
record UrlCredentials(String url, Credentials credentials, String masked, String remembered) {
    /** {@code scheme://userinfo@}: the user info is everything up to the authority's last '@'. */
    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.:-]*?//)([^/?#]*)@");
    /** {@code ?x=…}, {@code &x=…} or {@code ;x=…} where x ends in "password". */
    private static final Pattern SECRET_SETTING = Pattern.compile("([?&;])([A-Za-z_]*password)=([^&;#]*)",
            Pattern.CASE_INSENSITIVE);
    /** Anything that looks like a URL's user info with a password, anywhere in a text. */
    private static final Pattern USER_INFO_ANYWHERE = Pattern.compile("(//[^/\\s:@?#]*:)[^@/\\s?#]*@");
    private static final Pattern SETTING_ANYWHERE = Pattern.compile("(?i)([a-z_]*password=)[^&;#\\s]*");

    static UrlCredentials split(String given) {
        String url = given;
        String user = null;
        Map<String, String> secrets = new LinkedHashMap<>();
        Set<String> spelling = new HashSet<>();
        String masked = given;
        String remembered = given;
        Matcher info = USER_INFO.matcher(url);
        if (info.find()) {
            String userInfo = info.group(2);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) {
                spelling.add(userInfo.substring(colon + 1));
                secrets.put(Credentials.PASSWORD, decode(userInfo.substring(colon + 1)));
                masked = info.group(1) + userInfo.substring(0, colon) + ":***@" + url.substring(info.end());
                remembered = info.group(1) + userInfo.substring(0, colon) + "@" + url.substring(info.end());
            }
            url = info.group(1) + url.substring(info.end());
            if (user.isEmpty()) {
                user = null;
            }
        }
        boolean h2 = url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:");
        Matcher setting = SECRET_SETTING.matcher(url);
        while (setting.find()) {
            String value = setting.group(3);
            spelling.add(value);
            // H2 takes settings literally; URL query values are percent-encoded.
            secrets.putIfAbsent(setting.group(2).toLowerCase(Locale.ROOT), h2 ? value : decode(value));
        }
        return new UrlCredentials(withoutSettings(url), new Credentials(user, secrets, spelling), maskAll(masked),
                withoutSettings(remembered));
    }

    /** "?password=x&y=z" keeps its '?' for y; "&password=x" and ";PASSWORD=x" vanish. */
    private static String withoutSettings(String url) {
        Matcher setting = SECRET_SETTING.matcher(url);
        StringBuilder rest = new StringBuilder();
        while (setting.find()) {
            setting.appendReplacement(rest, "?".equals(setting.group(1)) ? "?" : "");
        }
        setting.appendTail(rest);
        return rest.toString().replace("?&", "?").replaceAll("\\?$", "");
    }

    /** {@code text} with the password of every URL in it replaced by ***. */
    static String maskAll(String text) {
        if (text == null) {
            return null;
        }
        String masked = USER_INFO_ANYWHERE.matcher(text).replaceAll("$1***@");
        return SETTING_ANYWHERE.matcher(masked).replaceAll("$1***");
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text; // not percent-encoded after all: take it as it is
        }
    }
}
