package io.supportflow.triage.domain;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.supportflow.events.Category;
import io.supportflow.events.Impact;
import io.supportflow.events.Priority;
import io.supportflow.events.Workaround;

/**
 * The decision table, as configured: impact × workaround, category, and keyword groups.
 *
 * @param assumedWorkaround  read when a ticket states its impact but not whether it can work around it
 * @param conflictDistance   how many priority levels two signals must lie apart to contradict each other
 */
public record TriageRules(
        Map<Impact, Map<Workaround, Priority>> impactWorkaround,
        Workaround assumedWorkaround,
        Map<Category, Priority> categories,
        List<KeywordGroup> keywordGroups,
        int conflictDistance) {

    public TriageRules {
        for (Impact impact : Impact.values()) {
            Map<Workaround, Priority> row = impactWorkaround.get(impact);
            for (Workaround workaround : Workaround.values()) {
                if (row == null || row.get(workaround) == null) {
                    throw new IllegalArgumentException("The decision table has no priority for " + impact + " × " + workaround);
                }
            }
        }
        for (Category category : Category.values()) {
            if (categories.get(category) == null) {
                throw new IllegalArgumentException("The decision table has no priority for category " + category);
            }
        }
        if (conflictDistance < 1) {
            throw new IllegalArgumentException("conflictDistance must be at least 1");
        }
        impactWorkaround = copy(impactWorkaround);
        categories = Map.copyOf(categories);
        keywordGroups = keywordGroups.stream()
                .sorted(Comparator.comparingInt(KeywordGroup::precedence).reversed())
                .toList();
    }

    private static Map<Impact, Map<Workaround, Priority>> copy(Map<Impact, Map<Workaround, Priority>> table) {
        Map<Impact, Map<Workaround, Priority>> copy = new EnumMap<>(Impact.class);
        table.forEach((impact, row) -> copy.put(impact, Map.copyOf(row)));
        return Map.copyOf(copy);
    }

    public Priority priorityOf(Impact impact, Workaround workaround) {
        return impactWorkaround.get(impact).get(workaround);
    }

    public Priority priorityOf(Category category) {
        return categories.get(category);
    }

    boolean contradict(Priority a, Priority b) {
        return Math.abs(a.ordinal() - b.ordinal()) >= conflictDistance;
    }
}
