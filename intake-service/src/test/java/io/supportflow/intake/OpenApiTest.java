package io.supportflow.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.supportflow.testing.SupportFlowTestResource;

/** /q/openapi describes every endpoint and each error it can answer. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class OpenApiTest {

    @Test
    void everyEndpointListsItsErrors() {
        ValidatableResponse openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
        String submit = "paths.'/api/v1/tickets'.post.responses";
        for (String code : new String[] {"202", "400", "401", "403", "409", "413", "415", "503"}) {
            openApi.body(submit, hasKey(code));
        }
        openApi.body(submit + ".'202'.content.'application/json'.schema.'$ref'",
                equalTo("#/components/schemas/TicketAccepted"));
        openApi.body("paths.'/api/v1/tickets'.get.responses", hasKey("400"));
        for (String code : new String[] {"200", "401", "403", "404"}) {
            openApi.body("paths.'/api/v1/tickets/{id}'.get.responses", hasKey(code));
        }
        for (String code : new String[] {"200", "401", "403", "404", "409"}) {
            openApi.body("paths.'/api/v1/tickets/{id}/acknowledge'.post.responses", hasKey(code));
            openApi.body("paths.'/api/v1/tickets/{id}/resolve'.post.responses", hasKey(code));
            openApi.body("paths.'/api/v1/tickets/{id}/reopen'.post.responses", hasKey(code));
        }
        openApi.body("paths.'/api/v1/tickets/{id}/acknowledge'.post.responses", hasKey("400"));
        openApi.body("paths.'/api/v1/admin/ticket-view/rebuild'.post", notNullValue());
        openApi.body("components.securitySchemes", hasKey("apiKey"));
        openApi.body("components.securitySchemes.basic.scheme", equalTo("basic"));
    }

    @Test
    void theEventContractIsServedBesideTheApi() {
        given().get("/events/supportflow.ticket.received.v1.schema.json").then().statusCode(200)
                .body("$id", equalTo("supportflow.ticket.received.v1.schema.json"))
                .body("properties.customer.properties", hasKey("email"));
        given().get("/events/asyncapi.yaml").then().statusCode(200).body(containsString("asyncapi: \"3.0.0\""));
    }
}
