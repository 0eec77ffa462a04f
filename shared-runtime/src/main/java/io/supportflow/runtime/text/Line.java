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

/**
 * One line of text of at most {@link #max} code points, as {@link TextRules#lineProblem} allows: no line
 * breaks, since subjects, names and references end up in mail headers.
 */
@Documented
@Constraint(validatedBy = Line.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface Line {

    int max();

    /** A missing or blank value is a fault of its own ("is required"); otherwise null means absent. */
    boolean required() default false;

    String message() default "is not an acceptable line of text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<Line, String> {

        private Line line;

        @Override
        public void initialize(Line line) {
            this.line = line;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return ConstraintFaults.none(faultOf(value), context);
        }

        private Optional<String> faultOf(String value) {
            if (line.required() && ConstraintFaults.isMissing(value)) {
                return Optional.of("is required");
            }
            return value == null ? Optional.empty() : TextRules.lineProblem(value, line.max());
        }
    }
}
