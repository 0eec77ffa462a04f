package io.supportflow.runtime.problem;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Every operation of every service documents the errors every operation can answer, each with the problem+json
 * schema: 401 and 403 where it needs credentials, 413 and 415 where it takes a body, 406 and 500 everywhere; and an
 * error response an operation declares without a body gets the problem schema too. Runs at startup, on the description Quarkus made
 * (its security requirements included).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ProblemResponsesFilter implements OASFilter {

    static final String SCHEMA = "Problem";
    private static final String SCHEMA_REF = "#/components/schemas/" + SCHEMA;

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured || responses.hasAPIResponse("401")) {
            addIfMissing(responses, "401", "No credentials, or wrong ones; the answer carries a Basic challenge "
                    + "(realm SupportFlow)");
            addIfMissing(responses, "403", "The credentials lack the role or channel this operation needs");
        }
        if (operation.getRequestBody() != null) {
            addIfMissing(responses, "413", "The body is larger than this operation takes");
            addIfMissing(responses, "415", "A body of another media type, or in a charset other than UTF-8");
        }
        addIfMissing(responses, "406", "The Accept header names no media type this operation answers in");
        addIfMissing(responses, "500", "An unexpected failure; the problem names an incident id for the operators");
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                withProblemBody(response);
            }
        });
        return operation.responses(responses);
    }

    /**
     * An API operation taking URL parameters answers 400 for one it cannot take, if only for a control character in
     * it ({@link io.supportflow.runtime.http.UrlParameterCheck}); an operation saying more declares its own 400.
     */
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.getOperations().values().stream()
                            .filter(operation -> hasAny(item.getParameters()) || hasAny(operation.getParameters()))
                            .forEach(operation -> {
                                addIfMissing(operation.getResponses(), "400", "A path or query parameter is not "
                                        + "valid (the problem names it)");
                                withProblemBody(operation.getResponses().getAPIResponse("400"));
                            });
                }
            });
        }
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        if (components.getSchemas() == null || !components.getSchemas().containsKey(SCHEMA)) {
            components.addSchema(SCHEMA, problemSchema());
        }
        openAPI.components(components);
    }

    private static boolean hasAny(List<?> parameters) {
        return parameters != null && !parameters.isEmpty();
    }

    private static void addIfMissing(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static void withProblemBody(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty()) {
            response.content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA_REF))));
        }
    }

    /** RFC 9457's members as {@link Problem} has them, for a service whose endpoints name no problem class. */
    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).properties(Map.of(
                "field", text("The field at fault, as a JSON path (customer.email), or a header or parameter name"),
                "message", text("What it must be, in the API's words")));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail (application/problem+json)")
                .properties(Map.of(
                        "type", text("Always about:blank: the status says what kind of problem it is"),
                        "title", text("The status's reason phrase"),
                        "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER),
                        "detail", text("What went wrong, for this request"),
                        "errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)))
                .required(List.of("type", "title", "status"));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
