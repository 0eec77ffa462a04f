package io.supportflow.intake.service;

import io.supportflow.events.EventEnvelope;
import io.supportflow.intake.domain.TimelineSummaries;
import io.supportflow.intake.repository.TicketViewEntity;
import io.supportflow.intake.repository.TimelineEntryEntity;
import io.supportflow.runtime.messaging.ProcessedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** Applies events to the ticket view, each at most once, whether it came from a topic or from intake itself. */
@ApplicationScoped
public class TicketViewUpdates {

    /** The view's name in processed_event; a rebuild forgets exactly these rows. */
    public static final String CONSUMER = "intake-ticket-view";

    private final ProcessedEvents processedEvents;
    private final EntityManager entityManager;

    TicketViewUpdates(ProcessedEvents processedEvents, EntityManager entityManager) {
        this.processedEvents = processedEvents;
        this.entityManager = entityManager;
    }

    /** Records {@code envelope} in its ticket's view and timeline; a redelivered event changes nothing. */
    @Transactional
    public void record(EventEnvelope envelope) {
        if (!processedEvents.firstDelivery(CONSUMER, envelope.id())) {
            return;
        }
        TicketViewEntity view = lockedView(envelope);
        TicketViewProjection.apply(view, envelope.event(), envelope.time());

        TimelineEntryEntity entry = new TimelineEntryEntity();
        entry.eventId = envelope.id();
        entry.ticketId = envelope.key();
        entry.eventType = envelope.type().ceType();
        entry.eventTime = envelope.time();
        entry.source = envelope.source();
        entry.topic = envelope.topic();
        entry.summary = TimelineSummaries.describe(envelope.event());
        entry.persist();
    }

    /** Forgets the whole view and which events built it, so a replay rebuilds it from scratch. */
    @Transactional
    public void wipe() {
        entityManager.createNativeQuery("DELETE FROM timeline_entry").executeUpdate();
        entityManager.createNativeQuery("DELETE FROM ticket_view").executeUpdate();
        entityManager.createNativeQuery("DELETE FROM processed_event WHERE consumer = ?1")
                .setParameter(1, CONSUMER).executeUpdate();
    }

    @Transactional
    public boolean isEmpty() {
        return TicketViewEntity.count() == 0;
    }

    // Events of one ticket arrive concurrently on eight channels: create the row once, then serialise on its lock.
    private TicketViewEntity lockedView(EventEnvelope envelope) {
        entityManager.createNativeQuery(
                        "INSERT INTO ticket_view (ticket_id, last_event_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, envelope.key())
                .setParameter(2, envelope.time())
                .executeUpdate();
        return entityManager.find(TicketViewEntity.class, envelope.key(), LockModeType.PESSIMISTIC_WRITE);
    }
}
