package io.supportflow.intake.service;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import io.opentelemetry.context.Context;
import io.supportflow.events.EventEnvelope;
import io.supportflow.intake.domain.TimelineSummaries;
import io.supportflow.intake.repository.TicketViewEntity;
import io.supportflow.intake.repository.TimelineEntryEntity;
import io.supportflow.runtime.messaging.BatchHandler;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.runtime.messaging.Publication;
import io.supportflow.runtime.persistence.TicketRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Applies events to the ticket view, each at most once, whether it came from a topic or from intake itself:
 * one ticket's row is written by the view's consumer, the submission writers and the lifecycle endpoints
 * alike, so each serialises on the row's lock.
 */
@ApplicationScoped
public class TicketViewUpdates implements BatchHandler<TicketViewEntity> {

    /** The channel the view consumes; its consumer name in processed_event derives from it. */
    public static final String CHANNEL = "ticket-view";

    private static final TicketRows<TicketViewEntity> VIEWS = TicketRows.of(TicketViewEntity.class, "ticket_view",
            view -> view.ticketId);

    private final EventBatches batches;
    private final EntityManager entityManager;

    TicketViewUpdates(EventBatches batches, EntityManager entityManager) {
        this.batches = batches;
        this.entityManager = entityManager;
    }

    /** Records {@code envelope} in its ticket's view and timeline; a redelivered event changes nothing. */
    @Transactional
    public void record(EventEnvelope envelope) {
        recordAll(List.of(envelope), Map.of());
    }

    /**
     * Records events of intake's own making, each at most once, as the view's consumer will see them again.
     *
     * @param traces the trace each event belongs to, by event id, where it is not the current one
     */
    @Transactional
    public void recordAll(List<EventEnvelope> envelopes, Map<String, Context> traces) {
        batches.applyWithin(CHANNEL, envelopes, traces, this);
    }

    @Override
    public Map<String, TicketViewEntity> stateOf(SortedSet<String> ticketIds) {
        return VIEWS.lockOrCreate(entityManager, ticketIds);
    }

    @Override
    public List<Publication> apply(EventEnvelope event, TicketViewEntity view) {
        TicketViewProjection.apply(view, event.event(), event.time());
        timelineEntry(event).persist();
        return List.of();
    }

    private static TimelineEntryEntity timelineEntry(EventEnvelope envelope) {
        TimelineEntryEntity entry = new TimelineEntryEntity();
        entry.eventId = envelope.id();
        entry.ticketId = envelope.key();
        entry.eventType = envelope.type().ceType();
        entry.eventTime = envelope.time();
        entry.source = envelope.source();
        entry.topic = envelope.topic();
        entry.summary = TimelineSummaries.describe(envelope.event());
        return entry;
    }
}
