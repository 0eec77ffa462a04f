package io.supportflow.sla.console;

import java.time.Instant;
import java.util.List;

import io.supportflow.events.OnCallMember;
import io.supportflow.sla.domain.hours.OnCallRotation;

/**
 * Who of a rotation is on call now and {@code until} when (the next handover; before the rotation's first handover,
 * that handover), and the webhooks a page also goes to. {@code onCall} is null for a rotation without members.
 */
public record OnCallNowView(String rotationId, OnCallMember onCall, Instant until, List<String> webhooks) {

    static OnCallNowView of(OnCallRotation rotation, Instant now) {
        return new OnCallNowView(rotation.id(), rotation.onCallAt(now).orElse(null), rotation.nextHandover(now),
                rotation.webhooks());
    }
}
