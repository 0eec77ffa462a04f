package io.supportflow.intake.domain.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.supportflow.runtime.text.ConstraintFaults;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The exact name of a constant of {@link #value}; the message lists them all. */
@Documented
@Constraint(validatedBy = OneOf.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface OneOf {

    Class<? extends Enum<?>> value();

    /** A missing or blank value is a fault of its own; otherwise null means absent. */
    boolean required() default false;

    String message() default "is not one of the allowed names";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<OneOf, String> {

        private boolean required;
        private List<String> names;

        @Override
        public void initialize(OneOf oneOf) {
            this.required = oneOf.required();
            this.names = Arrays.stream(oneOf.value().getEnumConstants()).map(Enum::name).toList();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return ConstraintFaults.none(faultOf(value), context);
        }

        private Optional<String> faultOf(String value) {
            if (required && ConstraintFaults.isMissing(value)) {
                return Optional.of("is required, one of " + names);
            }
            if (value == null || names.contains(value)) {
                return Optional.empty();
            }
            return Optional.of("must be one of " + names);
        }
    }
}
