package io.supportflow.sla.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.supportflow.events.OnCallMember;
import io.supportflow.runtime.http.InstantParams;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.sla.service.RotationDraft;

/**
 * An on-call rotation as ops send it: {@code {"handoverAt": "2027-01-04T07:00:00Z", "shift": "P7D", "members":
 * [{"name": "Ada", "email": "ada@example.com"}], "webhooks": ["pager"]}}. The members take turns of one shift each
 * from {@code handoverAt}; every page also goes to the webhooks (names notification-service knows). The instant
 * and the duration arrive as text and are read here; the rest is checked by the domain's rules. The fields only a
 * GET shows (id, version, author, who is on call) may come along in a body read and sent back, and are ignored.
 */
@JsonIgnoreProperties({"id", "version", "changedBy", "changedAt", "onCallNow"})
public record RotationRequest(String handoverAt, String shift, List<OnCallMember> members, List<String> webhooks) {

    RotationDraft draft() {
        List<FieldError> unreadable = new ArrayList<>();
        Instant handover = handoverAt == null ? null
                : InstantParams.parse("handoverAt", handoverAt, unreadable).orElse(null);
        return new RotationDraft(handover, shift(unreadable), members == null ? List.of() : members,
                webhooks == null ? List.of() : webhooks, unreadable);
    }

    /** Null when absent (the rules name it) or unreadable (named here). */
    private Duration shift(List<FieldError> unreadable) {
        if (shift == null) {
            return null;
        }
        try {
            return Duration.parse(shift);
        } catch (DateTimeParseException e) {
            unreadable.add(new FieldError("shift", "must be an ISO-8601 duration such as P7D or PT12H"));
            return null;
        }
    }
}
