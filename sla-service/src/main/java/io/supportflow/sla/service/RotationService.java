package io.supportflow.sla.service;

import java.util.Optional;

import io.supportflow.events.RotationChanged;
import io.supportflow.sla.domain.hours.ScheduleRules;
import io.supportflow.sla.repository.CalendarKind;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * On-call rotations: every change is checked, then stored as the rotation's next version and published as a
 * {@link RotationChanged} ({@link CalendarVersions}), or refused whole.
 */
@ApplicationScoped
public class RotationService {

    private final CalendarVersions versions;

    RotationService(CalendarVersions versions) {
        this.versions = versions;
    }

    /** Stores {@code draft} as the rotation's next version, the first if it has none. */
    public RotationChanged change(String rotationId, RotationDraft draft, String changedBy) {
        requireValid(draft);
        return versions.change(CalendarKind.ROTATION, rotationId, changedBy, draft::version);
    }

    /** Stores {@code draft} as version 1 unless the rotation exists. */
    public Optional<RotationChanged> createIfAbsent(String rotationId, RotationDraft draft, String changedBy) {
        requireValid(draft);
        return versions.createIfAbsent(CalendarKind.ROTATION, rotationId, changedBy, draft::version);
    }

    private static void requireValid(RotationDraft draft) {
        InvalidCalendarException.throwIfAny("The rotation is not valid", draft.unreadable(),
                ScheduleRules.rotationProblems(draft.handoverAt(), draft.shift(), draft.members(), draft.webhooks()));
    }
}
