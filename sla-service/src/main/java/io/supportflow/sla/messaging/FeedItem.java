package io.supportflow.sla.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** One SLA event on the live feed: its CloudEvents id and type, ticket, time and the event JSON as published. */
public record FeedItem(String id, String type, String ticketId, Instant time, @JsonRawValue String event) {
}
