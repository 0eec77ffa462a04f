package io.supportflow.triage.service;

import java.time.Instant;
import java.util.List;

import io.supportflow.events.Priority;
import io.supportflow.runtime.report.Agreement;
import io.supportflow.runtime.report.DecisionCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Counts agents' decisions against the rules' first decision, grouped in the database. */
@ApplicationScoped
public class AgreementReports {

    // Tickets whose latest decision is an agent's, made in [from, to), with the rules' decision kept.
    private static final String COUNTS = """
            SELECT rules_priority, priority, COALESCE(rules_review, FALSE), COUNT(*)
            FROM triaged_ticket
            WHERE source = 'AGENT' AND rules_priority IS NOT NULL AND decided_at >= ?1 AND decided_at < ?2
            GROUP BY rules_priority, priority, COALESCE(rules_review, FALSE)""";

    private final EntityManager entityManager;

    AgreementReports(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Agreement between(Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(COUNTS)
                .setParameter(1, from)
                .setParameter(2, to)
                .getResultList();
        List<DecisionCount> counts = rows.stream()
                .map(row -> new DecisionCount(Priority.valueOf((String) row[0]), Priority.valueOf((String) row[1]),
                        (Boolean) row[2], ((Number) row[3]).longValue()))
                .toList();
        return Agreement.of(from, to, counts);
    }
}
