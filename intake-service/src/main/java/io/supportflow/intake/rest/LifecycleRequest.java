package io.supportflow.intake.rest;

/** An agent's optional note on a transition. */
public record LifecycleRequest(String note) {
}
