package io.supportflow.events;

/** The customer who raised a ticket; {@code locale} is {@code en} or {@code de}. */
public record Customer(String accountId, String name, String email, String locale) {
}
