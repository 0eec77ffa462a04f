package io.supportflow.sla.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.supportflow.sla.domain.ClockHistory;
import io.supportflow.sla.domain.ComplianceReport;
import io.supportflow.sla.domain.handling.HandlingCompliance;
import io.supportflow.sla.domain.handling.HandlingHistory;
import io.supportflow.sla.domain.Period;
import io.supportflow.sla.domain.PolicyTable;
import io.supportflow.sla.repository.SlaClockEntity;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

/** Read-only questions about clocks; reports are recomputed from event times under a policy table. */
@ApplicationScoped
public class SlaQueries {

    private final SlaPolicies policies;
    private final RecordedHistory recorded;
    private final Clock clock;

    SlaQueries(SlaPolicies policies, RecordedHistory recorded, Clock clock) {
        this.recorded = recorded;
        this.policies = policies;
        this.clock = clock;
    }

    public Optional<SlaClockEntity> clock(String ticketId) {
        return SlaClockEntity.findByIdOptional(ticketId);
    }

    public List<SlaClockEntity> atRisk(int limit) {
        return SlaClockEntity.<SlaClockEntity>find("loggedAt is null and breachedAt is null and dueAt is not null",
                Sort.by("dueAt")).page(0, limit).list();
    }

    public List<SlaClockEntity> breaches(Period period) {
        return SlaClockEntity.list("breachedAt >= :from and breachedAt < :to and breachRetracted = false",
                Sort.by("breachedAt"), Parameters.with("from", period.from()).and("to", period.to()));
    }

    /** Each ticket judged under the target it was judged on; the policy in force for one never judged. */
    public List<ComplianceReport.Row> report(Period period) {
        List<ClockHistory> history = SlaClockEntity.<SlaClockEntity>list(
                        "receivedAt >= :from and receivedAt < :to and plan is not null",
                        Parameters.with("from", period.from()).and("to", period.to()))
                .stream().map(SlaClockEntity::history).toList();
        return ComplianceReport.asJudged(history, policies.current().responseTargets(), clock.instant());
    }

    /** The report the recorded events of the period would have given under {@code alternative} targets. */
    public List<ComplianceReport.Row> simulate(Period period, PolicyTable alternative) {
        return ComplianceReport.compute(recorded.receivedIn(period), alternative, clock.instant());
    }

    /** Handling compliance of the tickets received in [from, to) that were planned for handling. */
    public List<HandlingCompliance.Row> handlingReport(Period period) {
        List<HandlingHistory> history = SlaClockEntity.<SlaClockEntity>list(
                        "receivedAt >= :from and receivedAt < :to and handlingDueAt is not null",
                        Parameters.with("from", period.from()).and("to", period.to()))
                .stream().map(SlaClockEntity::handlingHistory).toList();
        return HandlingCompliance.compute(history, clock.instant());
    }
}
