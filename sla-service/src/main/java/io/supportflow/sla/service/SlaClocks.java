package io.supportflow.sla.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.supportflow.sla.config.SlaConfig;
import io.supportflow.sla.domain.PriorityChange;
import io.supportflow.sla.repository.PriorityChangeEntity;
import io.supportflow.sla.repository.SlaClockEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Opens the clocks a batch of consumed events needs ({@link ClockBatch}), and lets the breach scanner
 * handle the clocks whose alarm rang.
 */
@ApplicationScoped
public class SlaClocks {

    private final ClockVerdicts verdicts;
    private final SlaConfig config;
    private final Clock clock;
    private final Counter scanned;

    SlaClocks(ClockVerdicts verdicts, SlaConfig config, Clock clock, MeterRegistry registry) {
        this.verdicts = verdicts;
        this.config = config;
        this.clock = clock;
        this.scanned = Counter.builder("sla.scanner.clocks")
                .description("Clocks the breach scanner claimed because a warning or the due time was reached")
                .register(registry);
    }

    /**
     * The clocks of {@code ticketIds} (in any order, repeats allowed), locked for this transaction, to
     * apply a batch's events to: missing ones are created and all are locked in two statements, and
     * their priority decisions are read in a third, however many tickets the batch holds.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ClockBatch forTickets(Collection<String> ticketIds) {
        SortedSet<String> tickets = new TreeSet<>(ticketIds);
        if (tickets.isEmpty()) {
            return new ClockBatch(verdicts, config.defaultPriority(), clock, Map.of(), Map.of());
        }
        Map<String, SlaClockEntity> locked = SlaClockEntity.lockOrCreate(tickets);
        // Read under the locks: a decision committed by another batch of these tickets is then seen.
        Map<String, List<PriorityChange>> decisions = PriorityChangeEntity.ofTickets(tickets);
        return new ClockBatch(verdicts, config.defaultPriority(), clock, locked, decisions);
    }

    /** Lets the clocks whose alarm rang by now speak; returns how many were handled. */
    @Transactional
    public int scanDue(int limit) {
        Instant now = clock.instant();
        var due = SlaClockEntity.claimDue(now, limit);
        due.forEach(sla -> verdicts.apply(sla, now));
        scanned.increment(due.size());
        return due.size();
    }
}
