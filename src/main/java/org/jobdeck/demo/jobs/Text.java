package org.jobdeck.demo.jobs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tokens and hashtags of free text, as content-features and the search jobs read it. */
final class Text {
    private static final Pattern HASHTAG = Pattern.compile("#([\\p{L}\\p{N}_]+)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "the", "of", "on", "in", "to", "for", "with", "from", "is", "it", "i", "my", "be",
            "are", "was", "or", "at", "by", "this", "that", "into", "who", "how", "not", "yet", "next", "time");

    private Text() {
    }

    /** Hashtags in order of first appearance, lowercased, without '#'. */
    static List<String> hashtags(String text) {
        Set<String> tags = new LinkedHashSet<>();
        Matcher matcher = HASHTAG.matcher(text);
        while (matcher.find()) {
            tags.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return new ArrayList<>(tags);
    }

    /** Lowercased words outside hashtags, in order, repeats kept. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(HASHTAG.matcher(text).replaceAll(" "));
        while (matcher.find()) {
            words.add(matcher.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /** Words worth indexing: no stop words, at least two characters. */
    static List<String> searchTokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String word : words(text)) {
            if (word.length() >= 2 && !STOP_WORDS.contains(word)) {
                tokens.add(word);
            }
        }
        return tokens;
    }
}
