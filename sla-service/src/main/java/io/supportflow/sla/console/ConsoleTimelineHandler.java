package io.supportflow.sla.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import io.supportflow.events.EventEnvelope;
import io.supportflow.runtime.messaging.BatchHandler;
import io.supportflow.runtime.messaging.Publication;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes the console's timeline lines for what it reads on tickets.lifecycle and tickets.notifications. A line is
 * keyed by its event and only ever inserted, so there is nothing to lock: a batch's lines are gathered per ticket
 * and stored at its end. Redelivered events never get here twice (processed_event).
 */
@ApplicationScoped
public class ConsoleTimelineHandler implements BatchHandler<List<ConsoleTimelineEntity>> {

    @Override
    public boolean concerns(EventEnvelope event) {
        return TimelineLines.of(event.event()).isPresent();
    }

    @Override
    public Map<String, List<ConsoleTimelineEntity>> stateOf(SortedSet<String> ticketIds) {
        Map<String, List<ConsoleTimelineEntity>> lines = new LinkedHashMap<>();
        ticketIds.forEach(ticketId -> lines.put(ticketId, new ArrayList<>()));
        return lines;
    }

    @Override
    public List<Publication> apply(EventEnvelope event, List<ConsoleTimelineEntity> lines) {
        TimelineLines.of(event.event())
                .ifPresent(entry -> lines.add(ConsoleTimelineEntity.of(event.id(), event.key(), entry)));
        return List.of();
    }

    @Override
    public void completed(Map<String, List<ConsoleTimelineEntity>> tickets) {
        tickets.values().forEach(lines -> lines.forEach(line -> line.persist()));
    }
}
