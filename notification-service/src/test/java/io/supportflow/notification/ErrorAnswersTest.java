package io.supportflow.notification;

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
        return Endpoint.get("/api/v1/notifications?ticketId=T-ERRORS");
    }

    @Override
    protected User permitted() {
        return new User("ops", "ops-dev-password");
    }

    @Override
    protected User refused() {
        return new User("agent", "agent-dev-password");
    }

    /** Notification has only queries. */
    @Override
    protected Optional<Endpoint> jsonBodyEndpoint() {
        return Optional.empty();
    }
}
