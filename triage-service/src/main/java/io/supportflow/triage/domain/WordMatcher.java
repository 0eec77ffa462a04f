package io.supportflow.triage.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds keywords as whole words or phrases, never as parts of other words: "down" matches
 * "is down" but not "download". A keyword may open or close with {@code *} to allow a word
 * to go on that side, for German compounds ("*ausfall" matches "Serverausfall").
 */
public final class WordMatcher {

    private static final String LETTER = "[\\p{L}\\p{N}_]";

    private final List<String> keywords;
    private final List<Pattern> patterns;

    public WordMatcher(List<String> keywords) {
        this.keywords = List.copyOf(keywords);
        this.patterns = new ArrayList<>();
        keywords.forEach(keyword -> patterns.add(compile(keyword)));
    }

    /** The first configured keyword found in {@code text}. */
    public Optional<String> firstMatch(String text) {
        String normalised = text.replace('\u2019', '\'');
        for (int i = 0; i < patterns.size(); i++) {
            Matcher matcher = patterns.get(i).matcher(normalised);
            if (matcher.find()) {
                return Optional.of(keywords.get(i));
            }
        }
        return Optional.empty();
    }

    static Pattern compile(String keyword) {
        String trimmed = keyword.strip();
        boolean openStart = trimmed.startsWith("*");
        boolean openEnd = trimmed.endsWith("*") && trimmed.length() > 1;
        String core = trimmed.substring(openStart ? 1 : 0, trimmed.length() - (openEnd ? 1 : 0)).strip();
        if (core.isEmpty()) {
            throw new IllegalArgumentException("Keyword '" + keyword + "' has no letters");
        }
        StringBuilder regex = new StringBuilder();
        regex.append(openStart ? "" : "(?<!" + LETTER + ")");
        String[] words = core.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
        }
        regex.append(openEnd ? "" : "(?!" + LETTER + ")");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
