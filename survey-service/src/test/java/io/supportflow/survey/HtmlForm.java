package io.supportflow.survey;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a page's form the way a browser submits it: its action and every hidden input. */
record HtmlForm(String action, Map<String, String> hiddenInputs) {

    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");

    static HtmlForm of(String html) {
        Matcher form = FORM.matcher(html);
        if (!form.find()) {
            throw new AssertionError("The page has no form:\n" + html);
        }
        Map<String, String> hidden = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(html);
        while (input.find()) {
            Map<String, String> attributes = attributes(input.group());
            if ("hidden".equalsIgnoreCase(attributes.get("type"))) {
                hidden.put(attributes.get("name"), attributes.getOrDefault("value", ""));
            }
        }
        return new HtmlForm(attributes(form.group()).get("action"), hidden);
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(tag);
        while (attribute.find()) {
            attributes.put(attribute.group(1).toLowerCase(), unescape(attribute.group(2)));
        }
        return attributes;
    }

    private static String unescape(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
