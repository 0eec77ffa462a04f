package io.supportflow.intake.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
    // One array parameter, not an IN list: the plan does not depend on the batch's size, and the index is
    // used even where the table has no statistics yet (a database without autovacuum, say).
    private static final String LOCK_VIEWS = """
            SELECT * FROM ticket_view WHERE ticket_id = ANY (CAST(?1 AS varchar[])) ORDER BY ticket_id
            FOR NO KEY UPDATE""";

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
        recordAll(List.of(envelope));
    }

    /** Records events of intake's own making, each at most once, as the consumers will see them again. */
    @Transactional
    public void recordAll(List<EventEnvelope> envelopes) {
        if (envelopes.isEmpty()) {
            return;
        }
        Set<String> firstSeen = processedEvents.firstDeliveries(CONSUMER,
                envelopes.stream().map(EventEnvelope::id).toList());
        applyFirstDeliveries(envelopes.stream().filter(envelope -> firstSeen.remove(envelope.id())).toList());
    }

    /**
     * Records consumed events that the view sees for the first time (their ids already recorded as
     * processed), the events of a ticket in the order given.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyFirstDeliveries(List<EventEnvelope> envelopes) {
        if (envelopes.isEmpty()) {
            return;
        }
        Map<String, TicketViewEntity> views = lockedViews(envelopes);
        for (EventEnvelope envelope : envelopes) {
            TicketViewProjection.apply(views.get(envelope.key()), envelope.event(), envelope.time());
            timelineEntry(envelope).persist();
        }
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

    /**
     * One ticket's row is written at once by the view's consumer, intake's submission writers and its
     * lifecycle endpoints (they record their own events as they publish them): create each row once, then
     * serialise on its lock. Rows are created and locked in ticket order, so two batches never wait for
     * each other in a circle.
     */
    private Map<String, TicketViewEntity> lockedViews(List<EventEnvelope> envelopes) {
        Map<String, EventEnvelope> firstOfTicket = envelopes.stream()
                .collect(Collectors.toMap(EventEnvelope::key, Function.identity(), (first, later) -> first,
                        LinkedHashMap::new));
        createMissingViews(firstOfTicket);
        @SuppressWarnings("unchecked")
        List<TicketViewEntity> locked = entityManager.createNativeQuery(LOCK_VIEWS, TicketViewEntity.class)
                .setParameter(1, firstOfTicket.keySet().toArray(String[]::new))
                .getResultList();
        return locked.stream().collect(Collectors.toMap(view -> view.ticketId, Function.identity()));
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
