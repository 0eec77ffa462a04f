package io.supportflow.survey;

import java.util.Optional;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.testing.ErrorAnswersContract;
import io.supportflow.testing.SupportFlowTestResource;

/** The survey page takes forms, not JSON: its answers are checked by SurveyPageTest and HostileInputTest. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class ErrorAnswersTest extends ErrorAnswersContract {

    ErrorAnswersTest() {
        super(Endpoint.get("/api/v1/surveys/stats"), OPS, AGENT, Optional.empty());
    }
}
