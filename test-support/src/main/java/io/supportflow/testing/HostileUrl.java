package io.supportflow.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A GET request carrying a hostile value in its URL, and what it must get: {@code status}, as
 * problem+json naming {@code parameter} (null where there is no name to give: an id nothing has is
 * simply not found) unless the URL cannot even be decoded, and never {@code echo} back (null when
 * the value is harmless to repeat). Send {@code pathAndQuery} byte for byte with {@link RawHttp}:
 * it is already percent-encoded.
 */
public record HostileUrl(String name, String pathAndQuery, int status, String parameter, String echo,
                         boolean problemJson) {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String toString() {
        return name;
    }

    /**
     * Every value of {@link HostileInput#urlValues()} as path parameter {@code parameter} at the end of
     * {@code path}: control characters are refused naming it (400), anything else is an id nothing has (404).
     */
    public static Stream<HostileUrl> ids(String path, String parameter) {
        return HostileInput.urlValues().stream().map(value -> {
            String label = path + "{" + value.name() + "}";
            if (value.undecodable()) {
                return new HostileUrl(label, path + value.encoded(), 400, null, value.echo(), false);
            }
            return value.control()
                    ? new HostileUrl(label, path + value.encoded(), 400, parameter, value.echo(), true)
                    : new HostileUrl(label, path + value.encoded(), 404, null, value.echo(), true);
        });
    }

    /**
     * Every value of {@link HostileInput#urlValues()} as query parameter {@code parameter} of
     * {@code path}, beside {@code otherQuery} (valid, possibly empty): 400 naming the parameter.
     */
    public static Stream<HostileUrl> values(String path, String parameter, String otherQuery) {
        return HostileInput.urlValues().stream().map(value -> value(path, parameter, value, otherQuery));
    }

    /** One hostile {@code value} as query parameter {@code parameter}: 400 naming it (a bare 400 if undecodable). */
    public static HostileUrl value(String path, String parameter, HostileInput.UrlValue value, String otherQuery) {
        return new HostileUrl(path + "?" + parameter + "={" + value.name() + "}",
                path + "?" + query(otherQuery) + parameter + "=" + value.encoded(), 400,
                value.undecodable() ? null : parameter, value.echo(), !value.undecodable());
    }

    /** A wrong or out-of-range, but harmless, {@code value} of query parameter {@code parameter}: 400 naming it. */
    public static HostileUrl wrong(String path, String parameter, String value, String otherQuery) {
        return new HostileUrl(path + "?" + parameter + "=" + value,
                path + "?" + query(otherQuery) + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8),
                400, parameter, null, true);
    }

    private static String query(String otherQuery) {
        return otherQuery.isEmpty() ? "" : otherQuery + "&";
    }

    /** How {@code answer} falls short of what this request must get; empty when it is right. */
    public List<String> faultsIn(RawHttp.Answer answer) {
        List<String> faults = new ArrayList<>();
        if (answer.status() != status) {
            faults.add("status " + answer.status() + " instead of " + status);
        }
        if (problemJson && !answer.contentType().startsWith("application/problem+json")) {
            faults.add("content type '" + answer.contentType() + "' instead of application/problem+json");
        } else if (parameter != null && !namedFields(answer.body()).contains(parameter)) {
            faults.add("the problem does not name " + parameter);
        }
        if (echo != null && answer.body().contains(echo)) {
            faults.add("the answer repeats the value");
        }
        if (!faults.isEmpty()) {
            faults.add("answer: " + answer.status() + " " + answer.body());
        }
        return faults;
    }

    private static List<String> namedFields(String problem) {
        try {
            List<String> fields = new ArrayList<>();
            JSON.readTree(problem).path("errors").forEach((JsonNode error) -> fields.add(error.path("field").asText()));
            return fields;
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
