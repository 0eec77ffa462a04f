package io.supportflow.triage;

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
        return Endpoint.get("/api/v1/triage/queue");
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
        return Optional.of(new Endpoint("PUT", "/api/v1/triage/tickets/T-ERRORS/priority", null));
    }
}
