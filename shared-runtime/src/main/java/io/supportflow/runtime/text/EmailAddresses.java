package io.supportflow.runtime.text;

import java.util.regex.Pattern;

/**
 * The one rule for an e-mail address, in every service that takes one (a customer's, an on-call member's, an
 * escalation recipient's): one @, a dotted domain whose last label has two characters or more, and nothing that
 * would end an address in a mail header (white space, quotes, angle brackets, commas, semicolons). It keeps out
 * typos and header injection; whether mail arrives only sending tells.
 */
public final class EmailAddresses {

    /** The longest address SMTP carries (RFC 5321: a 256-octet path, less its angle brackets). */
    public static final int MAX_CHARS = 254;

    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s\"<>,;]+@[^@\\s\"<>,;]+\\.[^@\\s\"<>,;.]{2,}$");

    private EmailAddresses() {
    }

    /**
     * Whether {@code value} has the shape of an address, and nothing else: for fields whose length and characters
     * a line rule checks too, in its own words ({@link TextRules#lineProblem}), so a fault is not named twice.
     */
    public static boolean hasAddressShape(String value) {
        return value != null && ADDRESS.matcher(value).matches();
    }

    /**
     * Whether {@code value} is an address mail can be sent to: the shape, at most {@link #MAX_CHARS} characters,
     * and one clean line (no control characters, line separators or bidirectional overrides, as
     * {@link TextRules#lineProblem} has it), since it ends up in a mail header.
     */
    public static boolean isPlausible(String value) {
        return hasAddressShape(value) && value.length() <= MAX_CHARS
                && TextRules.lineProblem(value, MAX_CHARS).isEmpty();
    }
}
