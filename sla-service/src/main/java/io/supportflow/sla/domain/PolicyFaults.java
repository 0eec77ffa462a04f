package io.supportflow.sla.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.supportflow.events.Channel;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.SlaPolicyChanged;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.sla.domain.escalation.EscalationLadder;
import io.supportflow.sla.domain.escalation.RecipientSpec;

/**
 * Everything wrong with a policy document, each fault named by the cell it is in ({@code responseTargets.PRO.P2},
 * {@code escalations[1].recipients[0]}): a policy is taken whole or not at all, so ops see every fault at once.
 */
public final class PolicyFaults {

    private final List<FieldError> faults = new ArrayList<>();

    private PolicyFaults() {
    }

    public static List<FieldError> of(SlaPolicyChanged policy) {
        PolicyFaults check = new PolicyFaults();
        check.table("responseTargets", policy.responseTargets());
        check.fractions(policy.warningFractions());
        check.handling(policy.handling());
        check.escalations(policy.escalations());
        check.entitlements(policy.entitlements());
        return List.copyOf(check.faults);
    }

    private void table(String field, Map<Plan, Map<Priority, Duration>> table) {
        if (table == null) {
            fault(field, "is required: a target for every plan and priority");
            return;
        }
        for (Plan plan : Plan.values()) {
            Map<Priority, Duration> row = table.get(plan);
            for (Priority priority : Priority.values()) {
                Duration target = row == null ? null : row.get(priority);
                if (target == null || target.isNegative() || target.isZero()) {
                    fault(field + "." + plan + "." + priority, "must be a positive ISO-8601 duration, e.g. PT4H");
                }
            }
        }
    }

    private void fractions(List<Double> fractions) {
        if (fractions == null) {
            fault("warningFractions", "is required; an empty list warns never");
            return;
        }
        for (int i = 0; i < fractions.size(); i++) {
            fraction("warningFractions[" + i + "]", fractions.get(i));
        }
    }

    private void handling(SlaPolicyChanged.Handling handling) {
        if (handling == null) {
            fault("handling", "is required");
            return;
        }
        for (Priority priority : Priority.values()) {
            if (handling.modes() == null || handling.modes().get(priority) == null) {
                fault("handling.modes." + priority, "is required: ROUND_THE_CLOCK, BUSINESS_HOURS_EXTENDED or BUSINESS_HOURS");
            }
        }
        if (handling.extendedCover() == null) {
            fault("handling.extendedCover", "is required; an empty list covers no plan");
        }
        table("handling.targets", handling.targets());
        fraction("handling.warningFraction", handling.warningFraction());
        if (handling.closingMargin() == null || handling.closingMargin().isNegative()) {
            fault("handling.closingMargin", "must be a duration of zero or more");
        }
        required("handling.defaultSchedule", handling.defaultSchedule());
        required("handling.rotation", handling.rotation());
        if (handling.schedules() == null) {
            fault("handling.schedules", "is required; an empty object puts every plan on the default schedule");
        }
    }

    private void escalations(List<SlaPolicyChanged.Escalation> escalations) {
        if (escalations == null) {
            fault("escalations", "is required; an empty list escalates nothing");
            return;
        }
        if (escalations.size() > EscalationLadder.MOST_LEVELS) {
            fault("escalations", "must have at most " + EscalationLadder.MOST_LEVELS + " levels");
        }
        for (int i = 0; i < escalations.size(); i++) {
            escalation("escalations[" + i + "]", escalations.get(i));
        }
    }

    private void escalation(String field, SlaPolicyChanged.Escalation level) {
        if (level == null) {
            fault(field, "must be a level");
            return;
        }
        if (level.trigger() == null) {
            fault(field + ".trigger", "is required: RESPONSE_WARNING, RESPONSE_BREACH, HANDLING_WARNING or HANDLING_BREACH");
        }
        if (level.after() == null || level.after().isNegative()) {
            fault(field + ".after", "must be a duration of zero or more");
        }
        if (level.plans() == null || level.priorities() == null) {
            fault(field, "plans and priorities are required; an empty list means all");
        }
        if (level.recipients() == null || level.recipients().isEmpty()) {
            fault(field + ".recipients", "must name at least one recipient");
            return;
        }
        for (int i = 0; i < level.recipients().size(); i++) {
            try {
                RecipientSpec.parse(String.valueOf(level.recipients().get(i)));
            } catch (IllegalArgumentException e) {
                fault(field + ".recipients[" + i + "]", "must be email:<address>, webhook:<name> or on-call");
            }
        }
    }

    private void entitlements(Map<Plan, List<Channel>> entitlements) {
        for (Plan plan : Plan.values()) {
            List<Channel> channels = entitlements == null ? null : entitlements.get(plan);
            if (channels == null || channels.isEmpty() || channels.contains(null)) {
                fault("entitlements." + plan, "must name the channels the plan includes (WEB, CHAT, PHONE)");
            }
        }
    }

    private void fraction(String field, Double fraction) {
        if (fraction == null || fraction <= 0 || fraction >= 1) {
            fault(field, "must lie between 0 and 1, e.g. 0.75");
        }
    }

    private void required(String field, String value) {
        if (value == null || value.isBlank()) {
            fault(field, "is required");
        }
    }

    private void fault(String field, String message) {
        faults.add(new FieldError(field, message));
    }
}
