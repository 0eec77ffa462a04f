package io.supportflow.runtime.messaging;

import java.util.List;

/** Fired (synchronously, on the relay's thread) after the broker acknowledged these outbox events. */
public record OutboxPublished(List<String> eventIds) {
}
