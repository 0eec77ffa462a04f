package io.supportflow.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.testing.ErrorAnswersContract;
import io.supportflow.testing.SupportFlowTestResource;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class ErrorAnswersTest extends ErrorAnswersContract {

    ErrorAnswersTest() {
        super(new Endpoint("POST", "/api/v1/tickets/T-ERRORS/resolve", "{\"note\":\"Solved\"}"), AGENT, OPS,
                Optional.of(new Endpoint("POST", "/api/v1/tickets/T-ERRORS/acknowledge", null)));
    }

    @Test
    void aPostWithoutAnApiKeyIsAProblemWithTheApiKeyChallenge() {
        given().contentType("application/json").body("{}").post("/api/v1/tickets")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("ApiKey realm=\"SupportFlow\", header=\"X-Api-Key\""))
                .body("detail", equalTo("A valid X-Api-Key header is required"));
    }
}
