package io.supportflow.triage;

import java.util.Optional;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.testing.ErrorAnswersContract;
import io.supportflow.testing.SupportFlowTestResource;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class ErrorAnswersTest extends ErrorAnswersContract {

    ErrorAnswersTest() {
        super(Endpoint.get("/api/v1/triage/queue"), AGENT, OPS,
                Optional.of(new Endpoint("PUT", "/api/v1/triage/tickets/T-ERRORS/priority", null)));
    }
}
