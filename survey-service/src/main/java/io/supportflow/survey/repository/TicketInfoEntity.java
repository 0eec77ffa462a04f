package io.supportflow.survey.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supportflow.events.Channel;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What a survey needs of its ticket; {@code receivedAt} is null until TicketReceived has arrived. */
@Entity
@Table(name = "survey_ticket")
public class TicketInfoEntity extends PanacheEntityBase {

    private static final String CREATE_MISSING = """
            INSERT INTO survey_ticket (ticket_id) SELECT id FROM unnest(CAST(?1 AS varchar[])) AS id ORDER BY id
            ON CONFLICT (ticket_id) DO NOTHING""";
    // One array parameter, not an IN list: the plan does not depend on the batch's size, and the index is
    // used even where the table has no statistics yet (a database without autovacuum, say).
    private static final String LOCK = """
            SELECT * FROM survey_ticket WHERE ticket_id = ANY (CAST(?1 AS varchar[])) ORDER BY ticket_id
            FOR NO KEY UPDATE""";

    @Id
    @Column(name = "ticket_id")
    public String ticketId;
    public String reference;
    public String subject;
    public String email;
    public String locale;
    @Enumerated(EnumType.STRING)
    public Plan plan;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Column(name = "received_at")
    public Instant receivedAt;

    public boolean isReceived() {
        return receivedAt != null;
    }

    /**
     * The rows of {@code ticketIds}, those no event has arrived for yet created empty, all locked: a
     * ticket's events are consumed from several topics at once, and each must see what the others
     * committed (else a resolution could wait for a ticket that already came). Both statements take the
     * rows in ticket order, so two batches of overlapping tickets wait for each other instead of
     * deadlocking. Meant for a batch's start: the native statement flushes the persistence context first,
     * which costs nothing while the context is still empty and a dirty check of every managed entity once
     * it is not.
     */
    public static Map<String, TicketInfoEntity> lockOrCreate(Collection<String> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Map.of();
        }
        Set<String> ids = new TreeSet<>(ticketIds);
        getEntityManager().createNativeQuery(CREATE_MISSING)
                .setParameter(1, ids.toArray(String[]::new))
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<TicketInfoEntity> locked = getEntityManager().createNativeQuery(LOCK, TicketInfoEntity.class)
                .setParameter(1, ids.toArray(String[]::new))
                .getResultList();
        return locked.stream().collect(Collectors.toMap(ticket -> ticket.ticketId, Function.identity()));
    }
}
