package io.supportflow.sla.domain.handling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/**
 * Handling compliance per plan and priority: a ticket taken up by its handling due time is met, one taken up later
 * or still waiting past it is breached, the rest are open. Due times were fixed when each ticket was planned, in its
 * schedule's business time where that applies, so they are not recomputed here.
 */
public final class HandlingCompliance {

    private HandlingCompliance() {
    }

    /** One plan × priority cell; {@code compliancePercent} is null while nothing in it is decided. */
    public record Row(Plan plan, Priority priority, int tickets, int met, int breached, int open,
                      Double compliancePercent) {
    }

    private record Key(Plan plan, Priority priority) {
    }

    public static List<Row> compute(List<HandlingHistory> clocks, Instant now) {
        Map<Key, List<HandlingHistory>> cells = clocks.stream()
                .collect(Collectors.groupingBy(c -> new Key(c.plan(), c.priority()),
                        () -> new TreeMap<>(Comparator.comparing(Key::plan).thenComparing(Key::priority)),
                        Collectors.toList()));
        List<Row> rows = new ArrayList<>();
        cells.forEach((key, cell) -> rows.add(row(key, cell, now)));
        return rows;
    }

    private static Row row(Key key, List<HandlingHistory> cell, Instant now) {
        int met = 0;
        int breached = 0;
        for (HandlingHistory clock : cell) {
            if (clock.takenUpAt() != null && !clock.takenUpAt().isAfter(clock.dueAt())) {
                met++;
            } else if (clock.takenUpAt() != null || !now.isBefore(clock.dueAt())) {
                breached++;
            }
        }
        Double compliance = met + breached == 0 ? null : Math.round(1000.0 * met / (met + breached)) / 10.0;
        return new Row(key.plan(), key.priority(), cell.size(), met, breached, cell.size() - met - breached,
                compliance);
    }
}
