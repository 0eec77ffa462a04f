package io.supportflow.sla.rest;

import java.time.Instant;
import java.util.List;

import io.supportflow.events.OnCallMember;
import io.supportflow.events.RotationChanged;
import io.supportflow.sla.domain.hours.OnCallRotation;

/** A rotation's latest version and who is on call now. {@code shift} is ISO-8601. */
public record RotationView(String id, int version, Instant handoverAt, String shift, List<OnCallMember> members,
                           List<String> webhooks, String changedBy, Instant changedAt, OnCallMember onCallNow) {

    static RotationView of(RotationChanged changed, Instant now) {
        return new RotationView(changed.rotationId(), changed.version(), changed.handoverAt(),
                changed.shift().toString(), changed.members(), changed.webhooks(), changed.changedBy(), changed.at(),
                OnCallRotation.from(changed).onCallAt(now).orElse(null));
    }
}
