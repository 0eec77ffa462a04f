package io.supportflow.sla.rest;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.runtime.problem.FieldError;

/**
 * A what-if question: the tickets received in [from, to) under other targets. {@code targets}
 * holds only the cells to change, as ISO-8601 durations, e.g. {@code {"PRO":{"P1":"PT2H"}}}.
 * Every value arrives as text and is read here, so a bad one is refused naming its place and is
 * never repeated back (Jackson's own messages quote it).
 */
public record SimulationRequest(String from, String to, Map<String, Map<String, String>> targets) {

    /** Longer than any promise anyone makes, and short enough that no due time overflows. */
    static final Duration LONGEST_TARGET = Duration.ofDays(365);

    /** The cells to change, adding a {@link FieldError} for each that cannot be one. */
    Map<Plan, Map<Priority, Duration>> changedTargets(List<FieldError> errors) {
        Map<Plan, Map<Priority, Duration>> changed = new EnumMap<>(Plan.class);
        if (targets == null) {
            return changed;
        }
        targets.forEach((planName, row) -> {
            Optional<Plan> plan = constant(Plan.class, planName);
            if (plan.isEmpty()) {
                errors.add(new FieldError("targets", "has a plan that is not one of " + Arrays.toString(Plan.values())));
                return;
            }
            String path = "targets." + plan.get();
            if (row == null) {
                errors.add(new FieldError(path, "must map priorities to durations"));
                return;
            }
            Map<Priority, Duration> cells = new EnumMap<>(Priority.class);
            row.forEach((priorityName, target) -> {
                Optional<Priority> priority = constant(Priority.class, priorityName);
                if (priority.isEmpty()) {
                    errors.add(new FieldError(path, "has a priority that is not one of " + Arrays.toString(Priority.values())));
                    return;
                }
                duration(path + "." + priority.get(), target, errors).ifPresent(cell -> cells.put(priority.get(), cell));
            });
            changed.put(plan.get(), cells);
        });
        return changed;
    }

    private static <E extends Enum<E>> Optional<E> constant(Class<E> type, String name) {
        try {
            return Optional.of(Enum.valueOf(type, name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> duration(String field, String text, List<FieldError> errors) {
        try {
            Duration target = text == null ? Duration.ZERO : Duration.parse(text);
            if (!target.isNegative() && !target.isZero() && target.compareTo(LONGEST_TARGET) <= 0) {
                return Optional.of(target);
            }
        } catch (DateTimeParseException e) {
            // refused below, like a duration out of range
        }
        errors.add(new FieldError(field, "must be an ISO-8601 duration such as PT4H, longer than zero and at most "
                + LONGEST_TARGET.toDays() + " days"));
        return Optional.empty();
    }
}
