package io.supportflow.intake;

import java.util.Optional;

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
}
