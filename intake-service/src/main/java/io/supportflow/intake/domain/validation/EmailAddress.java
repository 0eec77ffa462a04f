package io.supportflow.intake.domain.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import io.supportflow.runtime.text.ConstraintFaults;
import io.supportflow.runtime.text.EmailAddresses;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An address mail can be sent to: the shape every service asks of one ({@link EmailAddresses}). A missing or
 * blank value passes: whether one is required, and its length and characters, are
 * {@link io.supportflow.runtime.text.Line}'s to say.
 */
@Documented
@Constraint(validatedBy = EmailAddress.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface EmailAddress {

    String message() default "is not an email address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<EmailAddress, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return ConstraintFaults.isMissing(value) || EmailAddresses.hasAddressShape(value);
        }
    }
}
