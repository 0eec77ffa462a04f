package io.supportflow.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The shared table of hostile HTTP input: text a field may receive and bodies an endpoint may
 * receive. Each service's tests decide, per field, which texts must be refused (4xx naming the
 * field) and which must be kept exactly as sent.
 */
public final class HostileInput {

    /** A named value, so a parameterized test names its case. */
    public record Case(String name, String value, Kind kind) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A named request body. */
    public record Body(String name, String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A value as it travels in a URL, as a path segment or a query value: {@code encoded} is sent as is
     * (already percent-encoded), {@code echo} is the text an answer would hold if the server repeated it.
     */
    public record UrlValue(String name, String encoded, String echo) {

        private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

        /** A broken percent-escape: the HTTP layer refuses the URL (a bare 400) before any endpoint sees it. */
        public boolean undecodable() {
            return BROKEN_ESCAPE.matcher(encoded).find();
        }

        /** Decoded, the value holds a C0 or C1 control character. */
        public boolean control() {
            return echo.codePoints().anyMatch(Character::isISOControl);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** What makes the value hostile. */
    public enum Kind {
        /** Not valid Unicode: a lone surrogate cannot be encoded in UTF-8. */
        INVALID_UNICODE,
        /** Valid but tricky Unicode that a careful service keeps exactly. */
        UNICODE_EDGE,
        /** Bidirectional overrides: text that reads differently from what it is. */
        BIDI_OVERRIDE,
        /** C0/C1 control characters other than line breaks and tab. */
        CONTROL,
        /** Line breaks smuggling a header into whatever the field ends up in (mail, HTTP). */
        HEADER_INJECTION,
        /** Markup, script, SQL and template syntax: plain text to a careful service. */
        MARKUP
    }

    private static final ObjectMapper ASCII_JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private HostileInput() {
    }

    /** Texts for a string field. */
    public static List<Case> texts() {
        return List.of(
                new Case("lone high surrogate", "broken \uD83D here", Kind.INVALID_UNICODE),
                new Case("lone low surrogate", "broken \uDE00 here", Kind.INVALID_UNICODE),
                new Case("4-byte emoji", "printer \uD83D\uDD25 on fire \uD83D\uDC69\u200D\uD83D\uDCBB", Kind.UNICODE_EDGE),
                new Case("zero-width characters", "pass\u200Bword\u200C\u200D\uFEFF", Kind.UNICODE_EDGE),
                new Case("combining marks", "Z\u0351\u0352\u0353a\u0300\u0301\u0302lgo", Kind.UNICODE_EDGE),
                new Case("right-to-left script", "\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627", Kind.UNICODE_EDGE),
                new Case("right-to-left override", "invoice\u202Efdp.exe", Kind.BIDI_OVERRIDE),
                new Case("bidi isolate", "amount \u2067100\u2069 due", Kind.BIDI_OVERRIDE),
                new Case("NUL", "nul\u0000byte", Kind.CONTROL),
                new Case("ANSI escape", "red \u001B[31mALERT\u001B[0m", Kind.CONTROL),
                new Case("bell and backspace", "ring\u0007\u0008", Kind.CONTROL),
                new Case("DEL and C1 control", "del\u007F next\u0085line", Kind.CONTROL),
                new Case("CRLF mail header", "Hello\r\nBcc: everyone@example.com", Kind.HEADER_INJECTION),
                new Case("LF HTTP header", "x\nSet-Cookie: session=stolen", Kind.HEADER_INJECTION),
                new Case("lone CR", "x\rX-Injected: yes", Kind.HEADER_INJECTION),
                new Case("Unicode line separator", "x\u2028Bcc: everyone@example.com", Kind.HEADER_INJECTION),
                new Case("script tag", "<script>alert('x')</script>", Kind.MARKUP),
                new Case("event handler", "<img src=x onerror=alert(1)>", Kind.MARKUP),
                new Case("SQL", "'; DROP TABLE ticket; --", Kind.MARKUP),
                new Case("template expressions", "${7*7} {{7*7}} #{7*7} {inject:x}", Kind.MARKUP));
    }

    /**
     * Whether the shared text rules (shared-runtime's TextRules) refuse {@code text} in free text of
     * several lines: lone surrogates, control characters, and a carriage return that is not part of a
     * CRLF line break. Line breaks, bidi marks and markup are text.
     */
    public static boolean refusedInText(Case text) {
        return text.kind() == Kind.INVALID_UNICODE || text.kind() == Kind.CONTROL
                || text.value().matches("(?s).*\\r(?!\\n).*");
    }

    /** Whether the shared text rules refuse {@code text} in a single line: also line breaks and bidi overrides. */
    public static boolean refusedInLine(Case text) {
        return text.kind() != Kind.UNICODE_EDGE && text.kind() != Kind.MARKUP;
    }

    /** Bodies that are not a JSON object. */
    public static List<Body> malformedJsonBodies() {
        return List.of(
                new Body("empty", ""),
                new Body("null", "null"),
                new Body("truncated", "{\"a\": "),
                new Body("not JSON", "hello world"),
                new Body("trailing comma", "{\"a\": 1,}"),
                new Body("single quotes", "{'a': 1}"),
                new Body("array", "[1, 2, 3]"),
                new Body("number", "42"),
                new Body("string", "\"text\""),
                new Body("NaN", "{\"a\": NaN}"),
                new Body("nested 5000 deep", "[".repeat(5000) + "]".repeat(5000)),
                new Body("XML", "<ticket><subject>x</subject></ticket>"));
    }

    /**
     * Ids and query values a client may put in a URL: control characters and line breaks only a
     * percent-encoding can carry, bytes that are not UTF-8, broken escapes, markup, and length.
     */
    public static List<UrlValue> urlValues() {
        return List.of(
                new UrlValue("NUL", "nul%00byte", "nul\u0000byte"),
                new UrlValue("CRLF header", "x%0D%0ASet-Cookie:%20session=stolen", "x\r\nSet-Cookie: session=stolen"),
                new UrlValue("ANSI escape", "red%1B%5B31mALERT", "red\u001B[31mALERT"),
                new UrlValue("right-to-left override", "invoice%E2%80%AEfdp.exe", "invoice\u202Efdp.exe"),
                new UrlValue("encoded lone surrogate", "lone%ED%A0%BDsurrogate", "surrogate"),
                new UrlValue("overlong UTF-8", "overlong%C0%AFslash", "slash"),
                new UrlValue("broken percent escape", "broken%zzescape", "broken%zzescape"),
                new UrlValue("truncated percent escape", "truncated%", "truncated%"),
                new UrlValue("encoded slashes", "..%2F..%2Fetc%2Fpasswd", "../../etc/passwd"),
                new UrlValue("markup", "%3Cimg%20src=x%20onerror=alert(1)%3E", "<img src=x onerror=alert(1)>"),
                new UrlValue("SQL", "'%20OR%20'1'='1", "' OR '1'='1"),
                new UrlValue("template expression", "$%7B7*7%7D%7B%7B7*7%7D%7D", "${7*7}{{7*7}}"),
                new UrlValue("3000 characters", "x".repeat(3000), "x".repeat(3000)));
    }

    /**
     * {@code value} as JSON with every non-ASCII character escaped ({@code \\uD83D}): the only way
     * a lone surrogate reaches a server, since encoding it as UTF-8 would turn it into '?'.
     */
    public static String asciiJson(Object value) {
        try {
            return ASCII_JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * {@code value} as a form field travels: UTF-8, percent-encoded. A lone surrogate, which no encoder
     * writes (Java's writes '?'), goes as the three bytes a careless client sends for it: not UTF-8.
     */
    public static String formEncoded(String value) {
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                encoded.append(URLEncoder.encode(value.substring(i, i + 2), StandardCharsets.UTF_8));
                i++;
            } else if (Character.isSurrogate(c)) {
                encoded.append(String.format("%%%02X%%%02X%%%02X", 0xE0 | (c >> 12), 0x80 | ((c >> 6) & 0x3F),
                        0x80 | (c & 0x3F)));
            } else {
                encoded.append(URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8));
            }
        }
        return encoded.toString();
    }

    /** Text longer than any field takes: {@code bytes} of it. */
    public static String oversized(int bytes) {
        return "x".repeat(bytes);
    }
}
