package io.supportflow.runtime.persistence;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hibernate.Session;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

/**
 * One row per ticket in a service's table, keyed by {@code ticket_id}: the rows of a batch's tickets are
 * created where missing and locked, in ticket order, so that two transactions whose batches share tickets
 * wait for each other instead of deadlocking. Each statement takes the batch's ids as one array parameter:
 * its plan does not depend on the batch's size, and the index is used even where the table has no
 * statistics yet. Neither statement flushes the persistence context (see docs/PERFORMANCE.md).
 *
 * @param <E> the row's entity
 */
public final class TicketRows<E> {

    private final Class<E> entityType;
    private final Function<E, String> ticketIdOf;
    private final String createMissing;
    private final String lock;

    private TicketRows(Class<E> entityType, String table, Function<E, String> ticketIdOf) {
        this.entityType = entityType;
        this.ticketIdOf = ticketIdOf;
        this.createMissing = "INSERT INTO " + table + " (ticket_id) SELECT id FROM unnest(?::varchar[]) AS id ORDER BY id"
                + " ON CONFLICT (ticket_id) DO NOTHING";
        this.lock = "SELECT * FROM " + table + " WHERE ticket_id = ANY (CAST(?1 AS varchar[])) ORDER BY ticket_id"
                + " FOR NO KEY UPDATE";
    }

    /**
     * @param table      the entity's table, whose key column is {@code ticket_id} and whose other columns
     *                   may be null or have defaults (a row is created before any event filled it in)
     * @param ticketIdOf the entity's ticket id
     */
    public static <E> TicketRows<E> of(Class<E> entityType, String table, Function<E, String> ticketIdOf) {
        return new TicketRows<>(entityType, table, ticketIdOf);
    }

    /** The rows of {@code ticketIds} by ticket, those missing created empty, all locked for this transaction. */
    public Map<String, E> lockOrCreate(EntityManager entityManager, Collection<String> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Map.of();
        }
        SortedSet<String> ids = new TreeSet<>(ticketIds);
        String[] idArray = ids.toArray(String[]::new);
        // Plain JDBC on the session's connection: a native update through Hibernate flushes the context first.
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(createMissing)) {
                insert.setArray(1, connection.createArrayOf("varchar", idArray));
                insert.executeUpdate();
            }
        });
        @SuppressWarnings("unchecked")
        List<E> locked = entityManager.createNativeQuery(lock, entityType)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, idArray)
                .getResultList();
        return locked.stream().collect(Collectors.toMap(ticketIdOf, Function.identity()));
    }
}
