package io.supportflow.runtime.text;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What free text from people (tickets, agents' notes and reasons) may contain, the same in every service. Text is kept exactly as sent, so the rules only refuse what
 * cannot be stored or shown faithfully: lone surrogates (not Unicode: they turn into '?' on the
 * way to UTF-8), control characters, and in one-line text also line breaks of any kind and
 * bidirectional overrides (they make a subject in a mail client read differently from what it is).
 */
public final class TextRules {

    // A carriage return is part of a CRLF line break, so it is kept only right before a newline.
    private static final Pattern FORBIDDEN_IN_TEXT = Pattern.compile("[\\p{Cc}&&[^\\n\\t\\r]]|\\r(?!\\n)");
    private static final Pattern FORBIDDEN_IN_LINE = Pattern.compile("[\\p{Cc}\\u2028\\u2029]");
    private static final Pattern BIDI_OVERRIDE = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");

    private TextRules() {
    }

    /** Why {@code value} is not an acceptable single line of at most {@code maxChars} code points. */
    public static Optional<String> lineProblem(String value, int maxChars) {
        if (hasLoneSurrogate(value)) {
            return Optional.of("must be valid Unicode (it has a lone surrogate)");
        }
        if (FORBIDDEN_IN_LINE.matcher(value).find()) {
            return Optional.of("must be a single line without control characters");
        }
        if (BIDI_OVERRIDE.matcher(value).find()) {
            return Optional.of("must not contain bidirectional override characters");
        }
        if (value.codePointCount(0, value.length()) > maxChars) {
            return Optional.of("must be at most " + maxChars + " characters");
        }
        return Optional.empty();
    }

    /** Why {@code value} is not acceptable text (several lines) of at most {@code maxBytes} in UTF-8. */
    public static Optional<String> textProblem(String value, int maxBytes) {
        if (hasLoneSurrogate(value)) {
            return Optional.of("must be valid Unicode (it has a lone surrogate)");
        }
        if (FORBIDDEN_IN_TEXT.matcher(value).find()) {
            return Optional.of("must not contain control characters other than newline and tab");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            return Optional.of("must be at most " + maxBytes + " bytes (UTF-8)");
        }
        return Optional.empty();
    }

    private static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
