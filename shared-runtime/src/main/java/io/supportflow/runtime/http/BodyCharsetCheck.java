package io.supportflow.runtime.http;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * JSON is UTF-8 (RFC 8259) and read as such. A JSON body that declares another charset (ISO-8859-1, say) would be
 * read wrongly and silently — an umlaut in a customer's name turned into two other characters — so it is refused
 * with a 415 naming the Content-Type; US-ASCII is a part of UTF-8 and passes. Other bodies (a CSV import) check their
 * bytes themselves: clients such as REST Assured declare ISO-8859-1 on text they send as plain ASCII.
 */
public class BodyCharsetCheck {

    private static final Set<String> READABLE = Set.of("utf-8", "utf8", "us-ascii");

    @ServerRequestFilter
    public Optional<Response> refuseOtherCharsets(HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        boolean json = type != null
                && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json"));
        String charset = json ? type.getParameters().get(MediaType.CHARSET_PARAMETER) : null;
        if (charset == null || READABLE.contains(charset.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, "JSON bodies are read as UTF-8",
                List.of(new FieldError("Content-Type", "declares a charset other than UTF-8"))));
    }
}
