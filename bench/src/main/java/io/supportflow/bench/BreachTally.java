package io.supportflow.bench;

import io.supportflow.events.EventJson;
import io.supportflow.events.EventType;
import io.supportflow.events.HandlingBreached;
import io.supportflow.events.SlaBreached;
import io.supportflow.events.SlaEscalated;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What an SLA-scale run saw on sla.breaches for its own tickets: each clock's breach once (a record the relay sent
 * twice counts once), its lateness against its dueAt, and the escalation levels that fired. Fed by one thread (the
 * watcher's); the counts may be read by another while it runs, the escalations once it has stopped.
 */
final class BreachTally {

    private final Map<String, Integer> ours;
    private final Duration responseTarget;
    private final Duration handlingTarget;
    private final Instant firstDue;
    private final Lateness response;
    private final Lateness handling;
    private final Lateness escalationsInWindow;
    private final Map<String, BitSet> escalated = new TreeMap<>();
    private volatile String offTarget;

    /**
     * @param ours           the seeded tickets, each with its index in the seeding order
     * @param responseTarget with handling clocks, the target the response clocks must run on (else null: not checked)
     * @param handlingTarget with handling clocks, the target the handling clocks must run on (else null: not checked)
     * @param firstDue       the first seeded due time: escalations owed from then on count towards their lateness
     */
    BreachTally(Map<String, Integer> ours, Duration responseTarget, Duration handlingTarget, Instant firstDue) {
        this.ours = ours;
        this.responseTarget = responseTarget;
        this.handlingTarget = handlingTarget;
        // sla-service keeps instants to the microsecond: the first clock's escalation may come back a little earlier.
        this.firstDue = firstDue.truncatedTo(ChronoUnit.MILLIS);
        this.response = new Lateness();
        this.handling = new Lateness();
        this.escalationsInWindow = new Lateness();
    }

    /** One record of sla.breaches; records of other tickets and of types not counted here are passed over. */
    void add(String key, String ceType, String value, long timestampMillis, long readAtMillis) {
        Integer index = key == null || ceType == null ? null : ours.get(key);
        EventType type = index == null ? null : EventType.fromCeType(ceType).orElse(null);
        if (type == EventType.SLA_BREACHED) {
            SlaBreached breach = EventJson.read(value, SlaBreached.class);
            checkTarget("response", responseTarget, breach.target());
            response.record(index, breach.dueAt(), timestampMillis, readAtMillis);
        } else if (type == EventType.HANDLING_BREACHED) {
            HandlingBreached breach = EventJson.read(value, HandlingBreached.class);
            checkTarget("handling", handlingTarget, breach.target());
            handling.record(index, breach.dueAt(), timestampMillis, readAtMillis);
        } else if (type == EventType.SLA_ESCALATED) {
            SlaEscalated escalation = EventJson.read(value, SlaEscalated.class);
            BitSet tickets = escalated.computeIfAbsent(escalation.trigger() + " level " + escalation.level(),
                    name -> new BitSet());
            // Levels owed before the window (a warning's, at ingest) say nothing about the scanner's timing. The others
            // are timed against their own instant, so levels owed at a later handling due time are timed right too.
            if (!tickets.get(index) && !escalation.at().isBefore(firstDue)) {
                escalationsInWindow.latenessOf(escalation.at(), timestampMillis, readAtMillis);
            }
            tickets.set(index);
        }
    }

    Lateness response() {
        return response;
    }

    Lateness handling() {
        return handling;
    }

    Lateness escalationsInWindow() {
        return escalationsInWindow;
    }

    /** Distinct tickets per "TRIGGER level N"; read once the feeding thread has stopped. */
    Map<String, Long> escalations() {
        Map<String, Long> counts = new TreeMap<>();
        escalated.forEach((name, tickets) -> counts.put(name, (long) tickets.cardinality()));
        return counts;
    }

    /** The first breach whose clock ran on another target than expected (the run is then meaningless), or null. */
    String offTarget() {
        return offTarget;
    }

    private void checkTarget(String clock, Duration expected, Duration target) {
        if (expected != null && offTarget == null && !expected.equals(target)) {
            offTarget = "a " + clock + " breach ran on a target of " + target + ", not " + expected;
        }
    }

    /** Lateness of one kind of record: dueAt → read by the benchmark and → the record's timestamp. */
    static final class Lateness {
        private final Histogram toRead = new ConcurrentHistogram(3_600_000_000L, 3);
        private final Histogram toPublished = new ConcurrentHistogram(3_600_000_000L, 3);
        private final BitSet seen = new BitSet();
        private final AtomicLong count = new AtomicLong();

        void record(int index, Instant dueAt, long timestampMillis, long readAtMillis) {
            if (!seen.get(index)) {
                seen.set(index);
                latenessOf(dueAt, timestampMillis, readAtMillis);
            }
        }

        private void latenessOf(Instant dueAt, long timestampMillis, long readAtMillis) {
            long due = dueAt.toEpochMilli();
            LatencySummary.record(toRead, (readAtMillis - due) * 1000);
            LatencySummary.record(toPublished, (timestampMillis - due) * 1000);
            count.incrementAndGet();
        }

        long count() {
            return count.get();
        }

        LatencySummary toRead() {
            return LatencySummary.ofMicros(toRead);
        }

        LatencySummary toPublished() {
            return LatencySummary.ofMicros(toPublished);
        }
    }
}
