package io.supportflow.intake.domain.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;

import io.supportflow.runtime.http.InstantParams;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.text.ConstraintFaults;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An ISO-8601 instant that {@link InstantParams#parse} reads (one a database can keep); null means absent. */
@Documented
@Constraint(validatedBy = IsoInstant.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface IsoInstant {

    String message() default "is not an ISO-8601 instant";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<IsoInstant, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            List<FieldError> faults = new ArrayList<>();
            InstantParams.parse("", value, faults);
            return ConstraintFaults.none(faults.stream().map(FieldError::message).findFirst(), context);
        }
    }
}
