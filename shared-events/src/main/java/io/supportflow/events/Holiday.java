package io.supportflow.events;

import java.time.LocalDate;

/** A day a schedule stays closed. */
public record Holiday(LocalDate date, String name) {
}
