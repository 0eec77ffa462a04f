package io.supportflow.runtime.report;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.supportflow.events.Priority;

/**
 * How often the rules' first decision agreed with the agent's later one over a period of agent
 * decisions: overall, per priority the agent gave, for tickets the rules sent to review, and as a
 * confusion matrix (rows: the rules' priority, columns: the agent's). Shared so that triage's report
 * and sla's console, each counting from its own tables, answer in the same shape.
 */
public record Agreement(Instant from, Instant to, long decisions, long agreed, Double agreement,
                        List<PriorityAgreement> perPriority, ReviewedAgreement reviewed,
                        List<ConfusionRow> confusion) {

    /** Of the tickets the agent gave {@code priority}, how many the rules had given it too. */
    public record PriorityAgreement(Priority priority, long agentDecisions, long agreed, Double recall) {
    }

    /** The decisions on tickets the rules had sent to review, and how many of them kept the provisional priority. */
    public record ReviewedAgreement(long decisions, long agreed) {
    }

    /** One row of the confusion matrix: for tickets the rules gave {@code rules}, the agent's priorities. */
    public record ConfusionRow(Priority rules, Map<Priority, Long> agent) {
    }

    public static Agreement of(Instant from, Instant to, Collection<DecisionCount> counts) {
        long[][] matrix = new long[Priority.values().length][Priority.values().length];
        long reviewedDecisions = 0;
        long reviewedAgreed = 0;
        for (DecisionCount count : counts) {
            matrix[count.rules().ordinal()][count.agent().ordinal()] += count.count();
            if (count.reviewed()) {
                reviewedDecisions += count.count();
                reviewedAgreed += count.agreed() ? count.count() : 0;
            }
        }
        long decisions = Arrays.stream(matrix).flatMapToLong(Arrays::stream).sum();
        long agreed = 0;
        for (Priority p : Priority.values()) {
            agreed += matrix[p.ordinal()][p.ordinal()];
        }
        return new Agreement(from, to, decisions, agreed, fraction(agreed, decisions), perPriority(matrix),
                new ReviewedAgreement(reviewedDecisions, reviewedAgreed), confusion(matrix));
    }

    private static List<PriorityAgreement> perPriority(long[][] matrix) {
        return Arrays.stream(Priority.values()).map(agent -> {
            long given = Arrays.stream(matrix).mapToLong(row -> row[agent.ordinal()]).sum();
            long agreed = matrix[agent.ordinal()][agent.ordinal()];
            return new PriorityAgreement(agent, given, agreed, fraction(agreed, given));
        }).toList();
    }

    private static List<ConfusionRow> confusion(long[][] matrix) {
        return Arrays.stream(Priority.values()).map(rules -> {
            Map<Priority, Long> row = new EnumMap<>(Priority.class);
            for (Priority agent : Priority.values()) {
                row.put(agent, matrix[rules.ordinal()][agent.ordinal()]);
            }
            return new ConfusionRow(rules, row);
        }).toList();
    }

    private static Double fraction(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
