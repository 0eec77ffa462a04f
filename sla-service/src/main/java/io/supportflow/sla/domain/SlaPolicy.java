package io.supportflow.sla.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.supportflow.events.Plan;
import io.supportflow.events.SlaPolicyChanged;
import io.supportflow.sla.domain.escalation.EscalationLadder;
import io.supportflow.sla.domain.escalation.EscalationLevel;
import io.supportflow.sla.domain.escalation.RecipientSpec;
import io.supportflow.sla.domain.handling.HandlingPolicy;

/**
 * One version of the SLA policy, ready to apply: the published document and the rules built from it. Building
 * one from a document {@link PolicyFaults} found nothing wrong with cannot fail.
 */
public record SlaPolicy(SlaPolicyChanged document, PolicyTable responseTargets, ResponseClock responseClock,
                        HandlingPolicy handling, EscalationLadder escalations) {

    public static SlaPolicy of(SlaPolicyChanged document) {
        PolicyTable responseTargets = new PolicyTable(document.responseTargets());
        SlaPolicyChanged.Handling handling = document.handling();
        return new SlaPolicy(document, responseTargets, new ResponseClock(responseTargets, document.warningFractions()),
                new HandlingPolicy(handling.modes(), handling.extendedCover(), new PolicyTable(handling.targets()),
                        handling.warningFraction(), handling.closingMargin()),
                ladderOf(document.escalations()));
    }

    public int version() {
        return document.version();
    }

    /** The business-hours schedule tickets of {@code plan} are handled under. */
    public String scheduleOf(Plan plan) {
        return document.handling().schedules().getOrDefault(plan, document.handling().defaultSchedule());
    }

    /** The on-call rotation pages go to. */
    public String rotation() {
        return document.handling().rotation();
    }

    private static EscalationLadder ladderOf(List<SlaPolicyChanged.Escalation> escalations) {
        List<EscalationLevel> levels = new ArrayList<>();
        for (SlaPolicyChanged.Escalation level : escalations) {
            levels.add(new EscalationLevel(levels.size(), level.trigger(), level.after(), level.plans(),
                    level.priorities(), level.recipients().stream().map(RecipientSpec::parse).toList(),
                    Optional.ofNullable(level.schedule())));
        }
        return new EscalationLadder(levels);
    }
}
