package io.supportflow.runtime.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;

/** Bean Validation's findings as problem+json: 400, each violation named by the field it is about. */
public class ValidationProblems {

    /** A request body or parameter that an endpoint declared {@code @Valid} and that is not. */
    @ServerExceptionMapper
    public Response invalidRequest(ConstraintViolationException e) {
        return Problem.response(Response.Status.BAD_REQUEST, "The request has invalid fields",
                fieldErrors(e.getConstraintViolations()));
    }

    /** The violations as field errors, in field order: {@code customer.email}, not the method's parameter path. */
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
