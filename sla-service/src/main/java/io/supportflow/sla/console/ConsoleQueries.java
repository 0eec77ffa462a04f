package io.supportflow.sla.console;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.supportflow.sla.domain.Period;
import io.supportflow.sla.repository.SatisfactionEntity;
import io.supportflow.sla.repository.SlaClockEntity;
import jakarta.enterprise.context.ApplicationScoped;

/** The console's read model: open clocks by time left, and the survey answers of a period. */
@ApplicationScoped
public class ConsoleQueries {

    private final ConsoleConfig config;
    private final Clock clock;

    ConsoleQueries(ConsoleConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Clocks still waiting for the "ticket logged" message, breached ones included, least time left first. */
    public List<OpenClockView> openClocks() {
        Instant now = clock.instant();
        return SlaClockEntity.<SlaClockEntity>find("loggedAt is null and dueAt is not null", Sort.by("dueAt"))
                .page(0, config.openClocksShown()).list()
                .stream().map(sla -> OpenClockView.of(sla, now)).toList();
    }

    public SatisfactionSummary satisfaction(Period period) {
        List<SatisfactionEntity> answers = SatisfactionEntity.list(
                "respondedAt >= :from and respondedAt < :to", Sort.by("respondedAt"),
                Parameters.with("from", period.from()).and("to", period.to()));
        SatisfactionSummary summary = SatisfactionSummary.of(period.from(), period.to(), answers.stream()
                .map(a -> new SatisfactionSummary.Answer(a.ticketId, a.rating, a.comment, a.respondedAt))
                .toList(), config.recentComments());
        return summary.withReferences(references(summary.recentComments().stream()
                .map(SatisfactionSummary.Comment::ticketId).collect(Collectors.toSet())));
    }

    /** The references of those of {@code ticketIds} whose ticket this service has consumed, in one query. */
    public Map<String, String> references(Collection<String> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Map.of();
        }
        return SlaClockEntity.<SlaClockEntity>list("ticketId in ?1 and reference is not null", ticketIds).stream()
                .collect(Collectors.toMap(c -> c.ticketId, c -> c.reference, (a, b) -> a));
    }
}
