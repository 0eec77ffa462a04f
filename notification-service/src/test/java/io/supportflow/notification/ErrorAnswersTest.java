package io.supportflow.notification;

import java.util.Optional;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.testing.ErrorAnswersContract;
import io.supportflow.testing.SupportFlowTestResource;

/** Notification takes no request body: it has only queries. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class ErrorAnswersTest extends ErrorAnswersContract {

    ErrorAnswersTest() {
        super(Endpoint.get("/api/v1/notifications?ticketId=T-ERRORS"), OPS, AGENT, Optional.empty());
    }
}
