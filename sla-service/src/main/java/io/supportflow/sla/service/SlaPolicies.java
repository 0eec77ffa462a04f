package io.supportflow.sla.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.supportflow.events.SlaPolicyChanged;
import io.supportflow.runtime.messaging.Outbox;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.sla.config.PolicyDefaults;
import io.supportflow.sla.domain.PolicyFaults;
import io.supportflow.sla.domain.SlaPolicy;
import io.supportflow.sla.repository.SlaClockEntity;
import io.supportflow.sla.repository.SlaPolicyEntity;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * The SLA policy in force, and its changes. The database holds every version; each instance keeps the newest it
 * has loaded and checks once per transaction whether another instance stored a newer one, so every clock a
 * transaction looks at is judged under one version, the newest committed when it started looking. A change stores
 * the next version, publishes it on {@code sla.policies} and rings every open clock's alarm in the same
 * transaction: the breach scanner then judges each again under the new version, which moves its due times and
 * raises what it owes now, while the verdicts published under earlier versions stand.
 */
@ApplicationScoped
public class SlaPolicies {

    static final String CHANGED_ROLE = "sla-policy-changed";
    private static final Logger LOG = Logger.getLogger(SlaPolicies.class);
    private static final Object IN_THIS_TRANSACTION = new Object();

    private final AtomicReference<SlaPolicy> held = new AtomicReference<>();
    private final TransactionSynchronizationRegistry transaction;
    private final PolicyDefaults defaults;
    private final Outbox outbox;
    private final Clock clock;

    SlaPolicies(TransactionSynchronizationRegistry transaction, PolicyDefaults defaults, Outbox outbox, Clock clock) {
        this.transaction = transaction;
        this.defaults = defaults;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Stores the configured policy as version 1 at the first start (later starts find a version and leave it), and
     * holds the newest version before anything judges a clock.
     */
    @Transactional
    void seed(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        SlaPolicyEntity.lockChanges();
        if (SlaPolicyEntity.newestVersion() == 0) {
            SlaPolicyChanged first = defaults.firstVersion(now());
            List<FieldError> faults = PolicyFaults.of(first, null);
            if (!faults.isEmpty()) {
                throw new IllegalStateException("The configured SLA policy is incomplete: " + faults);
            }
            publish(first);
            LOG.infof("Stored the configured SLA policy as version 1");
        }
        held.set(SlaPolicy.of(SlaPolicyEntity.newest().orElseThrow()));
    }

    /**
     * The policy this transaction judges under (a transaction of its own when called outside one). A transaction
     * that judges clocks asks before it locks any: no change can commit until it has ended.
     */
    @Transactional
    public SlaPolicy current() {
        SlaPolicy policy = (SlaPolicy) transaction.getResource(IN_THIS_TRANSACTION);
        if (policy == null) {
            policy = held.get();
            if (SlaPolicyEntity.newestVersionJudgedUnder() > policy.version()) {
                policy = SlaPolicy.of(SlaPolicyEntity.newest().orElseThrow());
                SlaPolicy loaded = policy;
                held.accumulateAndGet(loaded, (mine, offered) -> offered.version() > mine.version() ? offered : mine);
            }
            transaction.putResource(IN_THIS_TRANSACTION, policy);
        }
        return policy;
    }

    /**
     * Makes {@code draft} the next version, if the newest is still {@code expectedVersion}, and returns it; a draft
     * that says what the version in force says changes nothing and returns that.
     *
     * @throws PolicyVersionConflictException another change came first
     * @throws InvalidPolicyException         naming every cell at fault; nothing is stored
     */
    @Transactional
    public SlaPolicyChanged change(SlaPolicyChanged draft, int expectedVersion, String changedBy) {
        SlaPolicyEntity.lockChanges();
        SlaPolicyChanged inForce = SlaPolicyEntity.newest().orElseThrow();
        if (inForce.version() != expectedVersion) {
            throw new PolicyVersionConflictException(expectedVersion, inForce.version());
        }
        Instant at = now();
        SlaPolicyChanged next = new SlaPolicyChanged(inForce.version() + 1, draft.responseTargets(),
                draft.warningFractions(), draft.handling(), draft.escalations(), draft.entitlements(), changedBy, at);
        if (sameRules(next, inForce)) {
            return inForce;
        }
        List<FieldError> faults = PolicyFaults.of(next, inForce);
        if (!faults.isEmpty()) {
            throw new InvalidPolicyException(faults);
        }
        publish(next);
        LOG.infof("SLA policy version %d by %s: %d open clocks to judge again", next.version(), changedBy,
                SlaClockEntity.ringOpenAlarms(at));
        return next;
    }

    private static boolean sameRules(SlaPolicyChanged next, SlaPolicyChanged inForce) {
        return next.equals(new SlaPolicyChanged(next.version(), inForce.responseTargets(), inForce.warningFractions(),
                inForce.handling(), inForce.escalations(), inForce.entitlements(), next.changedBy(), next.at()));
    }

    private void publish(SlaPolicyChanged policy) {
        SlaPolicyEntity.store(policy);
        outbox.add("sla-policy:" + policy.version(), CHANGED_ROLE, policy.at(), policy);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
