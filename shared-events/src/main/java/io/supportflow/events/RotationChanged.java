package io.supportflow.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An on-call rotation, as it reads from {@code version} on: the members take turns of {@code shift} each, the
 * first from {@code handoverAt}, and every page also goes to the rotation's webhooks.
 */
public record RotationChanged(String rotationId, int version, Instant handoverAt, Duration shift,
                              List<OnCallMember> members, List<String> webhooks, String changedBy, Instant at)
        implements CalendarEvent {

    public RotationChanged {
        members = List.copyOf(members);
        webhooks = List.copyOf(webhooks);
    }

    @Override
    public String key() {
        return "rotation:" + rotationId;
    }
}
