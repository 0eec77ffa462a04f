package io.supportflow.runtime.text;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** Text of several lines, at most {@link #maxBytes} in UTF-8, as {@link TextRules#textProblem} allows. */
@Documented
@Constraint(validatedBy = Text.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface Text {

    int maxBytes();

    /** A missing or blank value is a fault of its own ("is required"); otherwise null means absent. */
    boolean required() default false;

    String message() default "is not acceptable text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<Text, String> {

        private Text text;

        @Override
        public void initialize(Text text) {
            this.text = text;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return ConstraintFaults.none(faultOf(value), context);
        }

        private Optional<String> faultOf(String value) {
            if (text.required() && ConstraintFaults.isMissing(value)) {
                return Optional.of("is required");
            }
            return value == null ? Optional.empty() : TextRules.textProblem(value, text.maxBytes());
        }
    }
}
