package io.supportflow.runtime.policy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.supportflow.events.SlaPolicyChanged;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The newest SLA policy this instance has read from {@code sla.policies}: empty until the first version arrives.
 * An older version never replaces a newer one, so reading the topic again from its start changes nothing.
 */
@ApplicationScoped
public class CurrentSlaPolicy {

    private final AtomicReference<SlaPolicyChanged> newest = new AtomicReference<>();
    private final CountDownLatch firstVersion = new CountDownLatch(1);

    public Optional<SlaPolicyChanged> get() {
        return Optional.ofNullable(newest.get());
    }

    /** The policy, or {@link PolicyNotYetKnownException} while none has arrived (a start before sla's first). */
    public SlaPolicyChanged require() {
        return get().orElseThrow(PolicyNotYetKnownException::new);
    }

    /**
     * The policy, waiting up to {@code patience} for the first version: a service that has just started reads
     * the topic within moments. {@link PolicyNotYetKnownException} when none came.
     */
    public SlaPolicyChanged await(Duration patience) throws InterruptedException {
        SlaPolicyChanged known = newest.get();
        if (known == null) {
            firstVersion.await(patience.toMillis(), TimeUnit.MILLISECONDS);
            known = newest.get();
        }
        if (known == null) {
            throw new PolicyNotYetKnownException();
        }
        return known;
    }

    public void take(SlaPolicyChanged policy) {
        newest.accumulateAndGet(policy, (held, offered) -> held == null || offered.version() > held.version()
                ? offered : held);
        firstVersion.countDown();
    }
}
