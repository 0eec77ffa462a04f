package io.supportflow.triage.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.supportflow.events.Category;
import io.supportflow.events.Impact;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.SlaPolicyChanged;
import io.supportflow.events.Workaround;
import io.supportflow.triage.domain.KeywordGroup;
import io.supportflow.triage.domain.TriageRules;

/**
 * The decision table in force, as agents and ops read it; durations are ISO-8601. The response targets the review
 * queue counts down against are those of SLA policy version {@code slaPolicyVersion}, read from
 * {@code sla.policies}; both are null while this instance has read no policy yet.
 */
public record RulesView(List<ImpactRow> impactWorkaround, Workaround assumedWorkaround, List<CategoryRow> categories,
                        List<KeywordGroup> keywordGroups, int conflictDistance,
                        @Schema(nullable = true, description = "The SLA policy version the response targets are "
                                + "from; null until triage has read a policy from sla.policies")
                        Integer slaPolicyVersion,
                        @Schema(nullable = true, description = "Response target by plan and priority, from the SLA "
                                + "policy; null until triage has read a policy from sla.policies")
                        Map<Plan, Map<Priority, String>> responseTargets) {

    public record ImpactRow(Impact impact, Workaround workaround, Priority priority) {
    }

    public record CategoryRow(Category category, Priority priority) {
    }

    /** @param policy null while none has been read */
    static RulesView of(TriageRules rules, SlaPolicyChanged policy) {
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
        return new RulesView(impactRows, rules.assumedWorkaround(), categoryRows, rules.keywordGroups(),
                rules.conflictDistance(), policy == null ? null : policy.version(),
                policy == null ? null : targetRows(policy));
    }

    private static Map<Plan, Map<Priority, String>> targetRows(SlaPolicyChanged policy) {
        Map<Plan, Map<Priority, String>> targetRows = new LinkedHashMap<>();
        for (Plan plan : Plan.values()) {
            Map<Priority, String> row = new LinkedHashMap<>();
            for (Priority priority : Priority.values()) {
                row.put(priority, policy.responseTarget(plan, priority).toString());
            }
            targetRows.put(plan, row);
        }
        return targetRows;
    }
}
