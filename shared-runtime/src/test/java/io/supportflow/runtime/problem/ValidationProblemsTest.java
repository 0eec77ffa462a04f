package io.supportflow.runtime.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

class ValidationProblemsTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

    record Customer(@NotBlank String name, @Email String email) {
    }

    record Request(@NotBlank String subject, @Valid Customer customer, List<@Size(max = 3) String> tags) {
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void violationsAreNamedByTheirJsonPathInFieldOrder() {
        Request request = new Request(" ", new Customer("", "not-an-address"), List.of("ok", "too long"));

        List<FieldError> errors = ValidationProblems.fieldErrors(FACTORY.getValidator().validate(request));

        assertThat(errors).extracting(FieldError::field)
                .containsExactly("customer.email", "customer.name", "subject", "tags[1]");
        assertThat(errors).allSatisfy(error -> assertThat(error.message()).isNotBlank());
    }
}
