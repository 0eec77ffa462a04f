package io.supportflow.intake.rest;

import io.supportflow.runtime.text.Text;

/** An agent's optional note on a transition. */
public record LifecycleRequest(@Text(maxBytes = LifecycleRequest.MAX_NOTE_BYTES) String note) {

    static final int MAX_NOTE_BYTES = 4096;
}
