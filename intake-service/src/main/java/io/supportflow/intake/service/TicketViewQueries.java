package io.supportflow.intake.service;

import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.supportflow.intake.domain.TicketFilter;
import io.supportflow.intake.repository.TicketViewEntity;
import io.supportflow.intake.repository.TimelineEntryEntity;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads the ticket view. A ticket is listed once its TicketReceived has been seen. */
@ApplicationScoped
public class TicketViewQueries {

    public Optional<TicketWithTimeline> find(String ticketId) {
        return TicketViewEntity.<TicketViewEntity>findByIdOptional(ticketId)
                .filter(view -> view.receivedAt != null)
                .map(view -> new TicketWithTimeline(view, TimelineEntryEntity.of(ticketId)));
    }

    public Page list(TicketFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder("receivedAt is not null");
        Parameters parameters = new Parameters();
        if (filter.status() != null) {
            where.append(" and status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.plan() != null) {
            where.append(" and plan = :plan");
            parameters.and("plan", filter.plan());
        }
        if (filter.priority() != null) {
            where.append(" and priority = :priority");
            parameters.and("priority", filter.priority());
        }
        if (filter.channel() != null) {
            where.append(" and channel = :channel");
            parameters.and("channel", filter.channel());
        }
        PanacheQuery<TicketViewEntity> query = TicketViewEntity.find(where.toString(),
                Sort.descending("receivedAt").and("ticketId"), parameters);
        return new Page(query.page(page, size).list(), query.count());
    }

    /** A ticket's view row with its timeline in event-time order. */
    public record TicketWithTimeline(TicketViewEntity ticket, List<TimelineEntryEntity> timeline) {
    }

    /** One page of tickets and how many match in all. */
    public record Page(List<TicketViewEntity> tickets, long total) {
    }
}
