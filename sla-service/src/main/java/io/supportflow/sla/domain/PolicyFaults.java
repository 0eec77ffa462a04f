package io.supportflow.sla.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * Against the version in force, a change keeps the escalation levels and warning fractions where they are: a clock
 * remembers the levels that fired and the warnings it gave by their positions, so a level may be changed or one
 * added at the end, but none removed or moved.
 */
public final class PolicyFaults {

    private final List<FieldError> faults = new ArrayList<>();

    private PolicyFaults() {
    }

    /** {@code inForce} is null for the first version. */
    public static List<FieldError> of(SlaPolicyChanged policy, SlaPolicyChanged inForce) {
        PolicyFaults check = new PolicyFaults();
        check.table("responseTargets", policy.responseTargets());
        check.fractions(policy.warningFractions());
        check.handling(policy.handling());
        check.escalations(policy.escalations());
        check.entitlements(policy.entitlements());
        if (check.faults.isEmpty() && inForce != null) {
            check.positionsKept(policy, inForce);
        }
        if (check.faults.isEmpty()) {
            check.applicable(policy);
        }
        return List.copyOf(check.faults);
    }

    /** The last word: the rules build from it (a policy stored but not applicable would stop every clock). */
    private void applicable(SlaPolicyChanged policy) {
        try {
            SlaPolicy.of(policy);
        } catch (RuntimeException e) {
            fault("body", "cannot be applied: " + e.getMessage());
        }
    }

    private void positionsKept(SlaPolicyChanged policy, SlaPolicyChanged inForce) {
        List<SlaPolicyChanged.Escalation> levels = policy.escalations();
        List<SlaPolicyChanged.Escalation> before = inForce.escalations();
        for (int i = 0; i < before.size(); i++) {
            if (i >= levels.size() || levels.get(i).trigger() != before.get(i).trigger()) {
                fault("escalations[" + i + "]", "must stay a " + before.get(i).trigger() + " level: levels may be "
                        + "changed or added at the end, not removed or moved (clocks remember fired levels by position)");
            }
        }
        List<Double> fractions = policy.warningFractions().stream().sorted().toList();
        List<Double> fractionsBefore = inForce.warningFractions().stream().sorted().toList();
        if (fractions.size() < fractionsBefore.size()
                || !fractions.subList(0, fractionsBefore.size()).equals(fractionsBefore)) {
            fault("warningFractions", "must keep " + fractionsBefore + " and may add larger ones (clocks remember the "
                    + "warnings they gave by position)");
        }
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
        if (handling.extendedCover() == null || hasNull(handling.extendedCover())) {
            fault("handling.extendedCover", "is required: plans; an empty list covers no plan");
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
        } else {
            handling.schedules().forEach((plan, schedule) -> required("handling.schedules." + plan, schedule));
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
        if (level.plans() == null || hasNull(level.plans())) {
            fault(field + ".plans", "is required: plans; an empty list means all");
        }
        if (level.priorities() == null || hasNull(level.priorities())) {
            fault(field + ".priorities", "is required: priorities; an empty list means all");
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
            if (channels == null || channels.isEmpty() || hasNull(channels)) {
                fault("entitlements." + plan, "must name the channels the plan includes (WEB, CHAT, PHONE)");
            }
        }
    }

    private void fraction(String field, Double fraction) {
        if (fraction == null || fraction <= 0 || fraction >= 1) {
            fault(field, "must lie between 0 and 1, e.g. 0.75");
        }
    }

    private static boolean hasNull(Collection<?> values) {
        return values.stream().anyMatch(Objects::isNull);
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
