package io.supportflow.intake.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.agroal.api.AgroalDataSource;
import io.supportflow.events.EventEnvelope;
import io.supportflow.intake.domain.TimelineSummaries;
import io.supportflow.intake.repository.TicketViewEntity;
import io.supportflow.intake.repository.TimelineEntryEntity;
import io.supportflow.runtime.messaging.ProcessedEvents;
import io.supportflow.runtime.messaging.RetryTransientFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** Applies events to the ticket view, each at most once, whether it came from a topic or from intake itself. */
@ApplicationScoped
public class TicketViewUpdates {

    /** The view's name in processed_event; a rebuild forgets exactly these rows. */
    public static final String CONSUMER = "intake-ticket-view";

    private static final String CREATE_MISSING_VIEWS = """
            INSERT INTO ticket_view (ticket_id, last_event_at)
            SELECT id, at FROM unnest(?::varchar[], ?::timestamptz[]) AS view(id, at) ORDER BY id
            ON CONFLICT DO NOTHING""";

    private final ProcessedEvents processedEvents;
    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;

    TicketViewUpdates(ProcessedEvents processedEvents, EntityManager entityManager, AgroalDataSource dataSource) {
        this.processedEvents = processedEvents;
        this.entityManager = entityManager;
        this.dataSource = dataSource;
    }

    /** Records {@code envelope} in its ticket's view and timeline; a redelivered event changes nothing. */
    @Transactional
    public void record(EventEnvelope envelope) {
        apply(List.of(envelope));
    }

    /**
     * Records consumed events in one transaction, retried as a whole when it fails for a passing reason:
     * each event at most once (a redelivered one, or one given twice, is skipped), and the events of a
     * ticket in the order given.
     */
    @RetryTransientFailures
    @Transactional
    public void recordAll(List<EventEnvelope> envelopes) {
        apply(envelopes);
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

    private void apply(List<EventEnvelope> envelopes) {
        Set<String> firstSeen = processedEvents.firstDeliveries(CONSUMER,
                envelopes.stream().map(EventEnvelope::id).toList());
        List<EventEnvelope> fresh = new ArrayList<>();
        for (EventEnvelope envelope : envelopes) {
            if (firstSeen.remove(envelope.id())) {
                fresh.add(envelope);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        Map<String, TicketViewEntity> views = lockedViews(fresh);
        for (EventEnvelope envelope : fresh) {
            TicketViewProjection.apply(views.get(envelope.key()), envelope.event(), envelope.time());
            timelineEntry(envelope).persist();
        }
    }

    /**
     * Events of one ticket arrive concurrently on eight channels: create each row once, then serialise on
     * its lock. Rows are created and locked in ticket order, so two batches never wait for each other in
     * a circle.
     */
    private Map<String, TicketViewEntity> lockedViews(List<EventEnvelope> envelopes) {
        Map<String, EventEnvelope> firstOfTicket = envelopes.stream()
                .collect(Collectors.toMap(EventEnvelope::key, Function.identity(), (first, later) -> first,
                        LinkedHashMap::new));
        createMissingViews(firstOfTicket);
        return entityManager.createQuery(
                        "FROM TicketViewEntity v WHERE v.ticketId IN :ids ORDER BY v.ticketId", TicketViewEntity.class)
                .setParameter("ids", firstOfTicket.keySet())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .collect(Collectors.toMap(view -> view.ticketId, Function.identity()));
    }

    private void createMissingViews(Map<String, EventEnvelope> firstOfTicket) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(CREATE_MISSING_VIEWS)) {
            insert.setArray(1, connection.createArrayOf("varchar", firstOfTicket.keySet().toArray()));
            insert.setArray(2, connection.createArrayOf("varchar",
                    firstOfTicket.values().stream().map(envelope -> envelope.time().toString()).toArray()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the views of " + firstOfTicket.size() + " tickets", e);
        }
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
