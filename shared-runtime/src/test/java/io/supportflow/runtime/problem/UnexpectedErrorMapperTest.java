package io.supportflow.runtime.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import jakarta.ws.rs.core.Response;

class UnexpectedErrorMapperTest {

    @Test
    void anUnexpectedFailureIsA500ProblemNamingAnIncidentButNotTheException() {
        Response answer = new UnexpectedErrorMapper()
                .unexpected(new IllegalStateException("io.supportflow.secret.Thing broke at row 42"));

        assertThat(answer.getStatus()).isEqualTo(500);
        assertThat(answer.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        Problem problem = (Problem) answer.getEntity();
        assertThat(problem.detail()).matches("The request failed on the server; quote incident [0-9a-f-]{36} to its operators");
        assertThat(problem.toString()).doesNotContain("IllegalStateException", "io.supportflow", "row 42");
    }
}
