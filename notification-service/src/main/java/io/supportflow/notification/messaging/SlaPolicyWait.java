package io.supportflow.notification.messaging;

import java.time.Duration;

import org.jboss.logging.Logger;

import io.supportflow.runtime.messaging.ConsumerRetryConfig;
import io.supportflow.runtime.policy.CurrentSlaPolicy;
import io.supportflow.runtime.retry.Backoff;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Holds a ticket topic's batch until this instance has read an SLA policy: the "ticket logged" and "priority
 * changed" messages state the ticket's response target, and must neither go out without it nor be given up.
 * No policy yet is a passing state — on a fresh stack notification may read a ticket before sla-service has
 * published its first version, and after every start it reads {@code sla.policies} from its start while the ticket
 * consumers already resume — so it is retried with the consumer-retry backoff, for as long as it lasts. The
 * shared retry of a failing batch ({@code EventBatches}) would give it up after its attempts and dead-letter it,
 * which is why the wait comes before the batch is applied, in no transaction. Should sla-service never publish, the
 * connector reports the channel stuck after its unprocessed-record max age and the health check goes down.
 */
@ApplicationScoped
class SlaPolicyWait {

    private static final Logger LOG = Logger.getLogger(SlaPolicyWait.class);

    private final CurrentSlaPolicy policy;
    private final Backoff backoff;

    SlaPolicyWait(CurrentSlaPolicy policy, ConsumerRetryConfig retry) {
        this.policy = policy;
        this.backoff = new Backoff(retry.initialBackoff(), retry.maxBackoff());
    }

    /**
     * Returns once a policy is held, at once when one already is; false when a shutdown interrupted the wait,
     * and the batch is then to be neither acknowledged nor refused.
     */
    boolean untilKnown(String channel, int events) {
        if (policy.get().isPresent()) {
            return true;
        }
        LOG.infof("%d events of %s wait for the first SLA policy", events, channel);
        long since = System.nanoTime();
        for (int failedLooks = 1; policy.get().isEmpty(); failedLooks++) {
            try {
                Thread.sleep(backoff.after(failedLooks).toMillis());
            } catch (InterruptedException shutdown) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        LOG.infof("%s goes on with SLA policy version %d after %d ms", channel, policy.require().version(),
                Duration.ofNanos(System.nanoTime() - since).toMillis());
        return true;
    }
}
