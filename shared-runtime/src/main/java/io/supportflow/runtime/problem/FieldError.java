package io.supportflow.runtime.problem;

/** One field at fault in a request, named by its JSON path (e.g. {@code customer.email}). */
public record FieldError(String field, String message) {
}
