package io.supportflow.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

/**
 * Compliance per plan and priority, recomputed from event times, so the same code answers "how did we do" (each
 * clock under the target it was judged on) and "how would we have done under other targets".
 */
public final class ComplianceReport {

    private ComplianceReport() {
    }

    /** One plan × priority cell; {@code compliancePercent} is null while nothing in it is decided. */
    public record Row(Plan plan, Priority priority, int tickets, int met, int breached, int open,
                      Double compliancePercent, Long p50Seconds, Long p90Seconds, Long p99Seconds) {
    }

    private record Key(Plan plan, Priority priority) {
    }

    /** Every clock judged under {@code policies}' target for its plan and priority (what-if). */
    public static List<Row> compute(List<ClockHistory> clocks, PolicyTable policies, Instant now) {
        return compute(clocks, clock -> policies.target(clock.plan(), clock.priority()), now);
    }

    /**
     * Every clock judged under the target it was judged on, {@code policies}' where it has none: how the promise in
     * force at each verdict was kept, which a later policy change does not rewrite.
     */
    public static List<Row> asJudged(List<ClockHistory> clocks, PolicyTable policies, Instant now) {
        return compute(clocks, clock -> clock.target() != null ? clock.target()
                : policies.target(clock.plan(), clock.priority()), now);
    }

    private static List<Row> compute(List<ClockHistory> clocks, Function<ClockHistory, Duration> targetOf,
                                     Instant now) {
        Map<Key, List<ClockHistory>> cells = clocks.stream()
                .collect(Collectors.groupingBy(c -> new Key(c.plan(), c.priority()),
                        () -> new TreeMap<>(Comparator.comparing(Key::plan).thenComparing(Key::priority)),
                        Collectors.toList()));
        List<Row> rows = new ArrayList<>();
        cells.forEach((key, cell) -> rows.add(row(key, cell, targetOf, now)));
        return rows;
    }

    private static Row row(Key key, List<ClockHistory> cell, Function<ClockHistory, Duration> targetOf, Instant now) {
        int met = 0;
        int breached = 0;
        List<Long> responseSeconds = new ArrayList<>();
        for (ClockHistory clock : cell) {
            Instant dueAt = clock.receivedAt().plus(targetOf.apply(clock));
            if (clock.loggedAt() != null) {
                responseSeconds.add(Duration.between(clock.receivedAt(), clock.loggedAt()).toSeconds());
            }
            if (clock.loggedAt() != null && !clock.loggedAt().isAfter(dueAt)) {
                met++;
            } else if (clock.loggedAt() != null || !now.isBefore(dueAt)) {
                breached++;
            }
        }
        responseSeconds.sort(null);
        Double compliance = met + breached == 0 ? null : Math.round(1000.0 * met / (met + breached)) / 10.0;
        return new Row(key.plan(), key.priority(), cell.size(), met, breached, cell.size() - met - breached, compliance,
                percentile(responseSeconds, 50), percentile(responseSeconds, 90), percentile(responseSeconds, 99));
    }

    /** Nearest-rank percentile of sorted values; null for none. */
    static Long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
