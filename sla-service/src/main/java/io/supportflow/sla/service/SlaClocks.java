package io.supportflow.sla.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.supportflow.runtime.messaging.Outbox;
import io.supportflow.runtime.messaging.Publication;
import io.supportflow.sla.repository.SlaClockEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Lets the clocks whose alarm rang speak, for the breach scanner: what they owe is caused by no consumed event. */
@ApplicationScoped
public class SlaClocks {

    private final ClockVerdicts verdicts;
    private final SlaPolicies policies;
    private final Outbox outbox;
    private final Clock clock;
    private final Counter scanned;

    SlaClocks(ClockVerdicts verdicts, SlaPolicies policies, Outbox outbox, Clock clock, MeterRegistry registry) {
        this.verdicts = verdicts;
        this.policies = policies;
        this.outbox = outbox;
        this.clock = clock;
        this.scanned = Counter.builder("sla.scanner.clocks")
                .description("Clocks the breach scanner claimed because a warning or the due time was reached")
                .register(registry);
    }

    /** Lets the clocks whose alarm rang by now speak; returns how many were handled. */
    @Transactional
    public int scanDue(int limit) {
        // The policy first, before any clock is claimed: a change waits for this round, or this round for the change.
        policies.current();
        Instant now = clock.instant();
        List<SlaClockEntity> due = SlaClockEntity.claimDue(now, limit);
        for (SlaClockEntity sla : due) {
            for (Publication owed : verdicts.apply(sla, now)) {
                outbox.add(owed.causeId(), owed.role(), owed.time(), owed.event());
            }
        }
        scanned.increment(due.size());
        return due.size();
    }
}
