package io.supportflow.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.supportflow.runtime.problem.FieldError;

class InstantParamsTest {

    private final List<FieldError> errors = new ArrayList<>();

    @Test
    void aRequiredInstantIsReadWithoutError() {
        assertThat(InstantParams.required("from", "2031-06-01T00:00:00Z", errors))
                .contains(Instant.parse("2031-06-01T00:00:00Z"));
        assertThat(errors).isEmpty();
    }

    @Test
    void aMissingOrBlankRequiredInstantIsAnErrorForItsField() {
        assertThat(InstantParams.required("from", null, errors)).isEmpty();
        assertThat(InstantParams.required("to", " ", errors)).isEmpty();

        assertThat(errors).extracting(FieldError::field).containsExactly("from", "to");
        assertThat(errors).extracting(FieldError::message)
                .containsOnly("is required (an ISO-8601 instant such as 2026-03-02T08:00:00Z)");
    }

    @Test
    void anUnreadableOrOutOfRangeInstantIsAnErrorThatDoesNotRepeatIt() {
        assertThat(InstantParams.required("from", "yesterday<script>", errors)).isEmpty();
        assertThat(InstantParams.required("to", "+10000-01-01T00:00:00Z", errors)).isEmpty();

        assertThat(errors).extracting(FieldError::field).containsExactly("from", "to");
        assertThat(errors).extracting(FieldError::message).noneMatch(message -> message.contains("yesterday"));
        assertThat(errors.get(1).message()).isEqualTo("must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
    }
}
