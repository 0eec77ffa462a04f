package io.supportflow.runtime.text;

import java.util.Optional;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

import jakarta.validation.ConstraintValidatorContext;

/** Reports a constraint's fault in its own words, the way the field rules word them (see {@code TextRules}). */
public final class ConstraintFaults {

    private ConstraintFaults() {
    }

    /** True when there is no {@code fault}; otherwise reports it as the violation's message. */
    public static boolean none(Optional<String> fault, ConstraintValidatorContext context) {
        fault.ifPresent(message -> {
            context.disableDefaultConstraintViolation();
            // A message parameter is inserted as it is, never read as a template.
            context.unwrap(HibernateConstraintValidatorContext.class)
                    .addMessageParameter("fault", message)
                    .buildConstraintViolationWithTemplate("{fault}")
                    .addConstraintViolation();
        });
        return fault.isEmpty();
    }

    public static boolean isMissing(String value) {
        return value == null || value.isBlank();
    }
}
