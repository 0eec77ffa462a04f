package io.supportflow.sla.domain;

import java.time.Instant;

/** A half-open period [from, to). */
public record Period(Instant from, Instant to) {
}
