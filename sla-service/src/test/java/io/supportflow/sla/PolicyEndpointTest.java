package io.supportflow.sla;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.testing.SupportFlowTestResource;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class PolicyEndpointTest {

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
            "FREE,P1,PT24H", "FREE,P2,PT24H", "FREE,P3,PT24H", "FREE,P4,PT24H",
            "PRO,P1,PT1H", "PRO,P2,PT4H", "PRO,P3,PT24H", "PRO,P4,PT24H",
            "BUSINESS,P1,PT1H", "BUSINESS,P2,PT4H", "BUSINESS,P3,PT24H", "BUSINESS,P4,PT24H",
            "ENTERPRISE,P1,PT1H", "ENTERPRISE,P2,PT4H", "ENTERPRISE,P3,PT24H", "ENTERPRISE,P4,PT24H",
            "EDUCATION,P1,PT1H", "EDUCATION,P2,PT4H", "EDUCATION,P3,PT24H", "EDUCATION,P4,PT24H",
            "API,P1,PT1H", "API,P2,PT4H", "API,P3,PT24H", "API,P4,PT24H"})
    void theConfiguredPolicyTableIsTheOneOfTheDesign(String plan, String priority, String target) {
        given().when().get("/api/v1/sla/policies")
                .then().statusCode(200)
                .body("$", hasSize(24))
                .body("find { it.plan == '%s' && it.priority == '%s' }.target".formatted(plan, priority),
                        equalTo(target));
    }
}
