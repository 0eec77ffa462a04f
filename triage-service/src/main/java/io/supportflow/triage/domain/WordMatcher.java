package io.supportflow.triage.domain;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds keywords as whole words or phrases, never as parts of other words: "down" matches
 * "is down" but not "download". A keyword may open or close with {@code *} to allow a word
 * to go on that side, for German compounds ("*ausfall" matches "Serverausfall").
 */
public final class WordMatcher {

    private static final String LETTER = "[\\p{L}\\p{N}_]";

    private final List<Keyword> keywords;

    public WordMatcher(List<String> keywords) {
        this.keywords = keywords.stream().map(Keyword::of).toList();
    }

    /** The first configured keyword found in {@code text}. */
    public Optional<String> firstMatch(String text) {
        String normalised = text.replace('\u2019', '\'');
        String folded = fold(normalised);
        for (Keyword keyword : keywords) {
            if (keyword.mayOccurIn(folded) && keyword.pattern().matcher(normalised).find()) {
                return Optional.of(keyword.text());
            }
        }
        return Optional.empty();
    }

    /**
     * Case-folds char by char exactly as a {@code CASE_INSENSITIVE | UNICODE_CASE} pattern compares
     * a literal (lower case of upper case), so the length and the positions stay those of {@code text}.
     */
    static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = fold(chars[i]);
        }
        return new String(chars);
    }

    static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /**
     * A keyword, its pattern, and its words folded for a cheap pre-check: the pattern can only match
     * where the folded text contains every folded word. A pattern char matches a text char when its
     * fold equals the text char or the text char's fold; both mean equal folds only while folding
     * twice changes nothing, so a keyword with another char (or outside the BMP) is always searched.
     */
    private record Keyword(String text, Pattern pattern, List<String> foldedWords) {

        static Keyword of(String keyword) {
            String trimmed = keyword.strip();
            boolean openStart = trimmed.startsWith("*");
            boolean openEnd = trimmed.endsWith("*") && trimmed.length() > 1;
            String core = trimmed.substring(openStart ? 1 : 0, trimmed.length() - (openEnd ? 1 : 0)).strip();
            if (core.isEmpty()) {
                throw new IllegalArgumentException("Keyword '" + keyword + "' has no letters");
            }
            List<String> words = List.of(core.split("\\s+"));
            return new Keyword(keyword, compile(words, openStart, openEnd), preCheckable(core) ? foldAll(words) : List.of());
        }

        boolean mayOccurIn(String foldedText) {
            for (String word : foldedWords) {
                if (!foldedText.contains(word)) {
                    return false;
                }
            }
            return true;
        }

        private static Pattern compile(List<String> words, boolean openStart, boolean openEnd) {
            StringBuilder regex = new StringBuilder();
            regex.append(openStart ? "" : "(?<!" + LETTER + ")");
            for (int i = 0; i < words.size(); i++) {
                regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words.get(i)));
            }
            regex.append(openEnd ? "" : "(?!" + LETTER + ")");
            return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }

        private static boolean preCheckable(String core) {
            return core.chars().allMatch(c -> !Character.isSurrogate((char) c) && fold(fold((char) c)) == fold((char) c));
        }

        private static List<String> foldAll(List<String> words) {
            return words.stream().map(WordMatcher::fold).toList();
        }
    }
}
