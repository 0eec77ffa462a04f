package io.supportflow.sla.console;

import java.util.List;

import io.supportflow.events.Priority;
import io.supportflow.runtime.report.Agreement;
import io.supportflow.runtime.report.DecisionCount;
import io.supportflow.sla.domain.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The rules measured against agents, from the priority decisions sla-service stored as it consumed
 * tickets.priority: services talk only through Kafka, so it counts its own rows rather than ask triage.
 */
@ApplicationScoped
public class TriageAgreements {

    // Tickets whose latest agent decision was taken in [from, to), against the rules' first decision: the
    // ticket's earliest one not known to be an agent's. Ties in time go by event id, so each ticket counts
    // once. A rules' decision stored before V5 has no rules_priority: its ticket is left out.
    private static final String COUNTS = """
            SELECT rules.rules_priority, decided.priority, rules.kind = 'PROVISIONAL', COUNT(*)
            FROM sla_priority_change decided
            CROSS JOIN LATERAL (
                SELECT earliest.rules_priority, earliest.kind
                FROM sla_priority_change earliest
                WHERE earliest.ticket_id = decided.ticket_id AND earliest.agent IS NOT TRUE
                ORDER BY earliest.decided_at, earliest.event_id
                LIMIT 1) rules
            WHERE decided.agent AND decided.decided_at >= ?1 AND decided.decided_at < ?2
              AND rules.rules_priority IS NOT NULL
              AND NOT EXISTS (
                SELECT 1 FROM sla_priority_change later
                WHERE later.ticket_id = decided.ticket_id AND later.agent
                  AND (later.decided_at, later.event_id) > (decided.decided_at, decided.event_id))
            GROUP BY rules.rules_priority, decided.priority, rules.kind = 'PROVISIONAL'""";

    private final EntityManager entityManager;

    TriageAgreements(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Agreement between(Period period) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(COUNTS)
                .setParameter(1, period.from())
                .setParameter(2, period.to())
                .getResultList();
        List<DecisionCount> counts = rows.stream()
                .map(row -> new DecisionCount(Priority.valueOf((String) row[0]), Priority.valueOf((String) row[1]),
                        (Boolean) row[2], ((Number) row[3]).longValue()))
                .toList();
        return Agreement.of(period.from(), period.to(), counts);
    }
}
