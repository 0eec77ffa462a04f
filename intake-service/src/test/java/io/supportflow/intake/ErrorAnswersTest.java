package io.supportflow.intake;

import java.util.Optional;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.testing.ErrorAnswersContract;
import io.supportflow.testing.SupportFlowTestResource;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class ErrorAnswersTest extends ErrorAnswersContract {

    @Override
    protected Endpoint protectedEndpoint() {
        return new Endpoint("POST", "/api/v1/tickets/T-ERRORS/resolve", "{\"note\":\"Solved\"}");
    }

    @Override
    protected User permitted() {
        return new User("agent", "agent-dev-password");
    }

    @Override
    protected User refused() {
        return new User("ops", "ops-dev-password");
    }

    @Override
    protected Optional<Endpoint> jsonBodyEndpoint() {
        return Optional.of(new Endpoint("POST", "/api/v1/tickets/T-ERRORS/acknowledge", null));
    }
}
