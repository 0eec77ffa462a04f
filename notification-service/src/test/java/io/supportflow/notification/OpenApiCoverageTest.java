package io.supportflow.notification;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.testing.DocumentedStatusesContract;
import io.supportflow.testing.SupportFlowTestResource;

/** Every status notification-service's tests provoked on an operation is in its OpenAPI description. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class OpenApiCoverageTest extends DocumentedStatusesContract {
}
