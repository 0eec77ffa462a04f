package io.supportflow.sla.rest;

import java.time.Instant;
import java.util.List;

import io.supportflow.events.OnCallMember;
import io.supportflow.events.RotationChanged;

/** One version in a rotation's history, as it was stored. */
public record RotationVersionView(int version, Instant handoverAt, String shift, List<OnCallMember> members,
                                  List<String> webhooks, String changedBy, Instant changedAt) {

    static RotationVersionView of(RotationChanged changed) {
        return new RotationVersionView(changed.version(), changed.handoverAt(), changed.shift().toString(),
                changed.members(), changed.webhooks(), changed.changedBy(), changed.at());
    }
}
