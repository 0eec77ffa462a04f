package io.supportflow.sla;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.supportflow.events.EventType;

/**
 * What sla-service stored for a ticket, read straight from its tables right after a commit: the clock
 * row and the events its transactions wrote to the outbox, in outbox order.
 */
final class StoredOutcomes {

    private static final String CLOCK = """
            SELECT plan, received_at, priority, priority_known, target_seconds, due_at, logged_at, warnings_sent,
                   breached_at, breach_retracted, met_published, alarm_at
            FROM sla_clock WHERE ticket_id = ?""";
    private static final String EVENTS =
            "SELECT event_type, event_time, payload FROM outbox_event WHERE record_key = ? ORDER BY seq";

    private final DataSource database;

    StoredOutcomes(DataSource database) {
        this.database = database;
    }

    /** What was stored for the ticket, comparable with what was stored for another one. */
    Outcome of(Tickets ticket) {
        List<String> events = rows(EVENTS, ticket.ticketId()).stream()
                .map(row -> String.join(" | ", row.values()))
                .map(row -> row.replace(ticket.ticketId(), "<ticket>").replace(ticket.reference(), "<reference>"))
                .toList();
        return new Outcome(clock(ticket), events);
    }

    /** The ticket's clock row by column, its id and reference left out; empty when it has none. */
    Map<String, String> clock(Tickets ticket) {
        List<Map<String, String>> rows = rows(CLOCK, ticket.ticketId());
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    /** The types of the events written to the outbox for the ticket, in outbox order. */
    private static final Set<String> RESPONSE_CLOCK_TYPES = Stream.of(EventType.SLA_WARNING, EventType.SLA_MET,
            EventType.SLA_BREACHED, EventType.SLA_BREACH_RETRACTED).map(EventType::ceType).collect(Collectors.toSet());

    List<String> eventTypes(Tickets ticket) {
        return rows(EVENTS, ticket.ticketId()).stream().map(row -> row.get("event_type")).toList();
    }

    /** The response clock's events in the outbox, leaving out the handling clock's and the ladder's. */
    List<String> responseEventTypes(Tickets ticket) {
        return eventTypes(ticket).stream().filter(RESPONSE_CLOCK_TYPES::contains).toList();
    }

    private List<Map<String, String>> rows(String sql, String ticketId) {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, ticketId);
            List<Map<String, String>> values = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                ResultSetMetaData columns = rows.getMetaData();
                while (rows.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int column = 1; column <= columns.getColumnCount(); column++) {
                        row.put(columns.getColumnName(column), String.valueOf(rows.getObject(column)));
                    }
                    values.add(row);
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read what was stored for ticket " + ticketId, e);
        }
    }

    /** A ticket's clock and events, its id and reference masked in them. */
    record Outcome(Map<String, String> clock, List<String> events) {
    }
}
