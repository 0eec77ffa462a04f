package io.supportflow.events;

/** One person taking turns on an on-call rotation. */
public record OnCallMember(String name, String email) {
}
