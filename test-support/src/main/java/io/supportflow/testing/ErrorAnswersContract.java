package io.supportflow.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The error answers every service owes an integrator, as tests a service's test class inherits by naming endpoints
 * of its own API: each is RFC 9457 problem+json in the API's words (status, title, detail, no class or package
 * names), and a 401 carries the Basic challenge of the SupportFlow realm.
 */
public abstract class ErrorAnswersContract {

    public static final String BASIC_CHALLENGE = "Basic realm=\"SupportFlow\"";
    private static final String[] INTERNALS = {"io.supportflow", "java.", "jakarta.", "com.fasterxml", "org.jboss",
            "io.quarkus", "Exception", "\tat "};

    /** An endpoint: its method, path and, if it takes one, JSON body. */
    public record Endpoint(String method, String path, String jsonBody) {

        public static Endpoint get(String path) {
            return new Endpoint("GET", path, null);
        }
    }

    /** An HTTP Basic user. */
    public record User(String name, String password) {
    }

    /** The development users every service knows. */
    public static final User AGENT = new User("agent", "agent-dev-password");
    public static final User OPS = new User("ops", "ops-dev-password");

    private final Endpoint protectedEndpoint;
    private final User permitted;
    private final User refused;
    private final Optional<Endpoint> jsonBodyEndpoint;

    /**
     * @param protectedEndpoint an endpoint that needs a role
     * @param permitted         a user with that role
     * @param refused           a user the service knows who lacks it
     * @param jsonBodyEndpoint  an endpoint taking a JSON body, called as {@code permitted}; empty if the service
     *                          takes none
     */
    protected ErrorAnswersContract(Endpoint protectedEndpoint, User permitted, User refused,
                                   Optional<Endpoint> jsonBodyEndpoint) {
        this.protectedEndpoint = protectedEndpoint;
        this.permitted = permitted;
        this.refused = refused;
        this.jsonBodyEndpoint = jsonBodyEndpoint;
    }

    @Test
    void noCredentialsAreAProblemWithTheBasicChallenge() {
        assertProblem(call(given(), protectedEndpoint), 401);
    }

    @Test
    void aWrongPasswordIsAProblemWithTheBasicChallenge() {
        assertProblem(call(as(new User(permitted.name(), "not-the-password")), protectedEndpoint), 401);
    }

    @Test
    void aUserWithoutTheRoleIsRefusedWithAProblem() {
        assertProblem(call(as(refused), protectedEndpoint), 403);
    }

    @Test
    void anUnknownPathIsAProblem() {
        assertProblem(as(permitted).get("/api/v1/no-such-resource"), 404);
    }

    @Test
    void aMethodThePathDoesNotTakeIsAProblem() {
        assertProblem(as(permitted).delete(protectedEndpoint.path()), 405);
    }

    @Test
    void anAcceptHeaderTheEndpointCannotServeIsAProblem() {
        assertProblem(call(as(permitted).accept("application/xml"), protectedEndpoint), 406);
    }

    @Test
    void aBodyOfAnotherMediaTypeIsAProblem() {
        Optional<Endpoint> endpoint = jsonBodyEndpoint;
        Assumptions.assumeTrue(endpoint.isPresent(), "the service takes no JSON body");
        assertProblem(as(permitted).contentType("text/plain").body("priority=P1")
                .request(endpoint.get().method(), endpoint.get().path()), 415);
    }

    @Test
    void aBodyDeclaringACharsetOtherThanUtf8IsAProblem() {
        Optional<Endpoint> endpoint = jsonBodyEndpoint;
        Assumptions.assumeTrue(endpoint.isPresent(), "the service takes no JSON body");
        Response answer = as(permitted).contentType("application/json; charset=ISO-8859-1").body("{}")
                .request(endpoint.get().method(), endpoint.get().path());
        assertProblem(answer, 415);
        assertThat(answer.jsonPath().getString("errors[0].field")).isEqualTo("Content-Type");
    }

    @Test
    void anUnexpectedFailureIsAProblemNamingAnIncidentAndNothingOfTheFailure() {
        Response answer = given().get(UnexpectedFailureEndpoint.PATH);

        assertProblem(answer, 500);
        assertThat(answer.asString()).doesNotContain(UnexpectedFailureEndpoint.INTERNAL_DETAIL, "jdbc:", "db-7");
        assertThat(answer.jsonPath().getString("detail")).containsPattern("[0-9a-f]{8}-[0-9a-f]{4}");
    }

    @Test
    void theOpenApiDescriptionDocumentsTheseErrorsWithTheProblemSchema() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        assertDocumented(openApi, protectedEndpoint, "401", "403", "500");
        jsonBodyEndpoint.ifPresent(endpoint -> assertDocumented(openApi, endpoint, "415", "500"));
    }

    /** Asserts that the operation {@code endpoint} calls lists each status with a problem+json body. */
    private static void assertDocumented(JsonPath openApi, Endpoint endpoint, String... statuses) {
        String concretePath = endpoint.path().replaceFirst("\\?.*", "");
        Map<String, Object> paths = openApi.getMap("paths");
        String template = OpenApiPaths.templateOf(paths, concretePath)
                .orElseThrow(() -> new AssertionError(concretePath + " is not in the OpenAPI description"));
        String responses = "paths.'" + template + "'." + endpoint.method().toLowerCase(Locale.ROOT) + ".responses";
        assertThat(openApi.getMap(responses)).as("%s %s", endpoint.method(), template).containsKeys(statuses);
        for (String status : statuses) {
            assertThat(openApi.getMap(responses + ".'" + status + "'.content")).as("body of %s", status)
                    .containsKey("application/problem+json");
        }
    }

    /** Asserts that an answer is the problem of {@code status} in the API's own words. */
    public static void assertProblem(Response answer, int status) {
        assertThat(answer.statusCode()).as("status of %s", answer.asString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(answer.jsonPath().getString("title")).isNotBlank();
        assertThat(answer.jsonPath().getString("detail")).isNotBlank();
        assertThat(answer.asString()).doesNotContain(INTERNALS);
        if (status == 401) {
            assertThat(answer.header("WWW-Authenticate")).isEqualTo(BASIC_CHALLENGE);
        }
    }

    private static RequestSpecification as(User user) {
        return given().auth().preemptive().basic(user.name(), user.password());
    }

    private static Response call(RequestSpecification request, Endpoint endpoint) {
        if (endpoint.jsonBody() != null) {
            request.contentType("application/json").body(endpoint.jsonBody());
        }
        return request.request(endpoint.method(), endpoint.path());
    }
}
