package io.supportflow.sla.rest;

import java.time.Instant;
import java.util.List;

import io.supportflow.events.OnCallMember;
import io.supportflow.events.Recipient;
import io.supportflow.events.RotationChanged;
import io.supportflow.sla.domain.hours.OnCallRotation;

/**
 * Who a rotation's latest version has on call at {@code at} (before the first handover, the first member), and
 * whom a page at that instant reaches: the member's address and the rotation's webhooks.
 */
public record OnCallView(String rotationId, int version, Instant at, OnCallMember onCall, List<Recipient> paged) {

    static OnCallView of(RotationChanged changed, Instant at) {
        OnCallRotation rotation = OnCallRotation.from(changed);
        return new OnCallView(changed.rotationId(), changed.version(), at, rotation.onCallAt(at).orElse(null),
                rotation.pageAt(at));
    }
}
