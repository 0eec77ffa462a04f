package io.supportflow.survey;

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
        return Endpoint.get("/api/v1/surveys/stats");
    }

    @Override
    protected User permitted() {
        return new User("ops", "ops-dev-password");
    }

    @Override
    protected User refused() {
        return new User("agent", "agent-dev-password");
    }

    /** The survey page takes forms, not JSON: its answers are checked by SurveyPageTest and HostileInputTest. */
    @Override
    protected Optional<Endpoint> jsonBodyEndpoint() {
        return Optional.empty();
    }
}
