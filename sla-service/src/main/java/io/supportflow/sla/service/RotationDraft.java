package io.supportflow.sla.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.supportflow.events.OnCallMember;
import io.supportflow.events.RotationChanged;
import io.supportflow.runtime.problem.FieldError;

/**
 * An on-call rotation as somebody asked for it; {@code handoverAt} or {@code shift} is null when it is missing or
 * its text could not be read ({@code unreadable} then names it), and the lists may hold nulls where the request did.
 */
public record RotationDraft(Instant handoverAt, Duration shift, List<OnCallMember> members, List<String> webhooks,
                            List<FieldError> unreadable) {

    public RotationDraft {
        members = Collections.unmodifiableList(new ArrayList<>(members));
        webhooks = Collections.unmodifiableList(new ArrayList<>(webhooks));
        unreadable = List.copyOf(unreadable);
    }

    RotationChanged version(String rotationId, int version, String changedBy, Instant at) {
        return new RotationChanged(rotationId, version, handoverAt, shift, members, webhooks, changedBy, at);
    }
}
