package io.supportflow.sla.domain.handling;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.supportflow.events.HandlingMode;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.sla.domain.PolicyTable;
import io.supportflow.sla.domain.hours.BusinessSchedule;

/**
 * The policy's handling rules: P1 around the clock, P2 business hours plus extended cover, P3/P4 business hours
 * (configurable), each with a handling target per plan and priority.
 */
public final class HandlingPolicy {

    private final Map<Priority, HandlingMode> modes;
    private final Set<Plan> extendedCover;
    private final PolicyTable targets;
    private final double warningFraction;
    private final Duration closingMargin;

    /**
     * @param closingMargin a ticket for business hours arriving this close to a closing is handled from the next
     *                      opening: nobody starts on it in the last minutes of a day
     */
    public HandlingPolicy(Map<Priority, HandlingMode> modes, Set<Plan> extendedCover, PolicyTable targets,
                          double warningFraction, Duration closingMargin) {
        for (Priority priority : Priority.values()) {
            if (!modes.containsKey(priority)) {
                throw new IllegalArgumentException("No handling mode for " + priority);
            }
        }
        if (warningFraction <= 0 || warningFraction >= 1) {
            throw new IllegalArgumentException("The handling warning fraction must lie between 0 and 1");
        }
        this.modes = new EnumMap<>(modes);
        this.extendedCover = Set.copyOf(extendedCover);
        this.targets = targets;
        this.warningFraction = warningFraction;
        this.closingMargin = closingMargin;
    }

    public HandlingMode mode(Priority priority) {
        return modes.get(priority);
    }

    public Duration target(Plan plan, Priority priority) {
        return targets.target(plan, priority);
    }

    /**
     * Whether people outside business hours take up a plan's tickets of {@code mode}: they do for P1, and for P2 where
     * the plan has extended cover.
     */
    public boolean coveredAroundTheClock(Plan plan, HandlingMode mode) {
        return mode == HandlingMode.ROUND_THE_CLOCK
                || mode == HandlingMode.BUSINESS_HOURS_EXTENDED && extendedCover.contains(plan);
    }

    /**
     * The plan for a ticket of {@code plan} and {@code priority} that arrived at {@code receivedAt}. A schedule that
     * never opens, or closes for good before the target is used up, cannot hold a ticket back for ever: the ticket is
     * then handled in calendar time.
     */
    public HandlingPlan plan(Plan plan, Priority priority, Instant receivedAt, BusinessSchedule schedule) {
        HandlingMode mode = mode(priority);
        Duration target = targets.target(plan, priority);
        Duration warning = Duration.ofMillis(Math.round(target.toMillis() * warningFraction));
        var opening = schedule.nextOpening(receivedAt);
        boolean covered = coveredAroundTheClock(plan, mode);
        if (covered || opening.isEmpty()) {
            boolean page = mode == HandlingMode.ROUND_THE_CLOCK || covered && !schedule.isOpen(receivedAt);
            return new HandlingPlan(mode, schedule.id(), receivedAt, target, receivedAt.plus(target),
                    receivedAt.plus(warning), false, page);
        }
        Instant handleFrom = startOfHandling(schedule, opening.get());
        try {
            return new HandlingPlan(mode, schedule.id(), handleFrom, target,
                    schedule.plusBusinessTime(handleFrom, target), schedule.plusBusinessTime(handleFrom, warning), true,
                    false);
        } catch (IllegalStateException closedForGood) {
            return new HandlingPlan(mode, schedule.id(), handleFrom, target, handleFrom.plus(target),
                    handleFrom.plus(warning), false, false);
        }
    }

    /**
     * The first opening from {@code opening} on that stays open for the closing margin. A stretch shorter than the
     * margin is passed over; the count of them is bounded, so a schedule of nothing but short stretches still gives an
     * answer.
     */
    private Instant startOfHandling(BusinessSchedule schedule, Instant opening) {
        Instant start = opening;
        for (int shortStretches = 0; shortStretches < 14; shortStretches++) {
            Duration open = schedule.businessTimeBetween(start, start.plus(closingMargin));
            if (open.compareTo(closingMargin) >= 0) {
                return start;
            }
            Optional<Instant> next = schedule.nextOpening(start.plus(open));
            if (next.isEmpty() || !next.get().isAfter(start)) {
                return start;
            }
            start = next.get();
        }
        return start;
    }
}
