package io.supportflow.sla;

import java.util.Optional;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.testing.ErrorAnswersContract;
import io.supportflow.testing.SupportFlowTestResource;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class ErrorAnswersTest extends ErrorAnswersContract {

    ErrorAnswersTest() {
        super(Endpoint.get("/api/v1/sla/at-risk"), OPS, AGENT,
                Optional.of(new Endpoint("POST", "/api/v1/sla/simulate", null)));
    }
}
