package io.supportflow.runtime.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/** Bean Validation's findings as a problem's field errors, each violation named by the field it is about. */
public final class ValidationProblems {

    private ValidationProblems() {
    }

    /** The violations as field errors, sorted by field: {@code customer.email}, not the method's parameter path. */
    public static List<FieldError> fieldErrors(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(violation -> new FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
    }

    private static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String lastName = "body";
        for (Path.Node node : path) {
            lastName = node.getName() == null ? lastName : node.getName();
            if (node.getKind() != ElementKind.PROPERTY && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (node.isInIterable() && (node.getIndex() != null || node.getKey() != null)) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? lastName : field.toString();
    }
}
