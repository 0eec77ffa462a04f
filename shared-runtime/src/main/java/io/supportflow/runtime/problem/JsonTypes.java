package io.supportflow.runtime.problem;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/** The JSON type a request's field takes, in an integrator's words rather than a Java class's name. */
final class JsonTypes {

    private JsonTypes() {
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.joining(", "));
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == Duration.class) {
            return "an ISO-8601 duration string (e.g. PT4H)";
        }
        if (type == LocalDate.class) {
            return "a date string (e.g. 2026-03-02)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date-time string (RFC 3339, e.g. 2026-03-02T09:30:00Z)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
