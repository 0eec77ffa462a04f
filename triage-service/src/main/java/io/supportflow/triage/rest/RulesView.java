package io.supportflow.triage.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.supportflow.events.Category;
import io.supportflow.events.Impact;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.Workaround;
import io.supportflow.triage.domain.KeywordGroup;
import io.supportflow.triage.domain.ResponseTargets;
import io.supportflow.triage.domain.TriageRules;

/** The decision table in force, as agents and ops read it; durations are ISO-8601. */
public record RulesView(List<ImpactRow> impactWorkaround, Workaround assumedWorkaround, List<CategoryRow> categories,
                        List<KeywordGroup> keywordGroups, int conflictDistance,
                        Map<Plan, Map<Priority, String>> responseTargets) {

    public record ImpactRow(Impact impact, Workaround workaround, Priority priority) {
    }

    public record CategoryRow(Category category, Priority priority) {
    }

    static RulesView of(TriageRules rules, ResponseTargets targets) {
        List<ImpactRow> impactRows = new ArrayList<>();
        for (Impact impact : Impact.values()) {
            for (Workaround workaround : Workaround.values()) {
                impactRows.add(new ImpactRow(impact, workaround, rules.priorityOf(impact, workaround)));
            }
        }
        List<CategoryRow> categoryRows = new ArrayList<>();
        for (Category category : Category.values()) {
            categoryRows.add(new CategoryRow(category, rules.priorityOf(category)));
        }
        Map<Plan, Map<Priority, String>> targetRows = new LinkedHashMap<>();
        for (Plan plan : Plan.values()) {
            Map<Priority, String> row = new LinkedHashMap<>();
            for (Priority priority : Priority.values()) {
                row.put(priority, targets.target(plan, priority).toString());
            }
            targetRows.put(plan, row);
        }
        return new RulesView(impactRows, rules.assumedWorkaround(), categoryRows, rules.keywordGroups(),
                rules.conflictDistance(), targetRows);
    }
}
