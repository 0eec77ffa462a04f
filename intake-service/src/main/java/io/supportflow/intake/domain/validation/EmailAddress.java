package io.supportflow.intake.domain.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import io.supportflow.runtime.text.ConstraintFaults;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An address mail can be sent to: one @, a dotted domain, nothing that would end an address in a mail
 * header. A missing or blank value passes: whether one is required is {@link Line}'s to say.
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

        private static final Pattern ADDRESS =
                Pattern.compile("^[^@\\s\"<>,;]+@[^@\\s\"<>,;]+\\.[^@\\s\"<>,;.]{2,}$");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return ConstraintFaults.isMissing(value) || ADDRESS.matcher(value).matches();
        }
    }
}
