package io.supportflow.runtime.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** A body that is not the JSON an endpoint expects is a 400 problem naming where it went wrong. */
public class JsonProblemMapper {

    /** Jackson's report of a field given twice (StrictRequestJson): the one message it has no type for. */
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    /** JSON that cannot be parsed at all, as opposed to JSON of another shape than expected (a field twice among it). */
    public static boolean isMalformed(JsonProcessingException e) {
        return e instanceof JsonParseException && !DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage())).matches();
    }

    /** Declared separately: Quarkus ships a more specific built-in mapper for this subtype. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    /**
     * Quarkus wraps JSON it cannot parse in a bare 400, and answers an unknown path, method or Accept header with
     * an empty 404, 405 or 406: each gets a problem body in its own words.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException cause) {
            return unreadableJson(cause);
        }
        return StatusProblems.withProblemBody(e.getResponse());
    }

    /**
     * In the API's terms: a value of the wrong type names its field and the JSON type expected there; a body that
     * is not JSON at all names where it breaks. Jackson's own messages name Java classes, so they are not passed on.
     */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Problem.response(Response.Status.BAD_REQUEST, "The request body has a field this endpoint does not take",
                    List.of(new FieldError(pathOf(unknown), "is not a field here; the fields are "
                            + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                            .collect(Collectors.joining(", ")))));
        }
        Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.matches()) {
            return Problem.response(Response.Status.BAD_REQUEST, "The request body has a field twice",
                    List.of(new FieldError(pathTo(e, duplicate.group(1)), "appears more than once in its object")));
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = mismatch.getPath().isEmpty() ? "body" : pathOf(mismatch);
            return Problem.response(Response.Status.BAD_REQUEST, "A value in the request body is not of the type expected",
                    List.of(new FieldError(field, "must be " + JsonTypes.expected(mismatch.getTargetType()))));
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " (line %d, column %d)".formatted(at.getLineNr(), at.getColumnNr());
        return Problem.response(Response.Status.BAD_REQUEST, "The request body is not valid JSON",
                List.of(new FieldError("body", "is not valid JSON" + where)));
    }

    /** The path of a field in the object the parser was reading when it failed. */
    private static String pathTo(JsonProcessingException e, String field) {
        List<String> segments = new ArrayList<>(List.of(field));
        if (e.getProcessor() instanceof JsonParser parser) {
            for (JsonStreamContext context = parser.getParsingContext().getParent(); context != null && !context.inRoot();
                 context = context.getParent()) {
                segments.addFirst(context.inArray() ? "[" + context.getCurrentIndex() + "]" : context.getCurrentName());
            }
        }
        return joined(segments);
    }

    /** {@code customer.email}, {@code holidays[0].date}; a name no request field could have is not repeated back. */
    private static String joined(List<String> segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (segment == null || !segment.startsWith("[") && !PLAIN_NAME.matcher(segment).matches()) {
                return "body";
            }
            path.append(path.isEmpty() || segment.startsWith("[") ? "" : ".").append(segment);
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String pathOf(MismatchedInputException e) {
        return joined(e.getPath().stream().map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                : "[" + reference.getIndex() + "]").toList());
    }
}
