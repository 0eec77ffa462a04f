package io.supportflow.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.supportflow.runtime.messaging.ConsumerRetryConfig;
import io.supportflow.runtime.policy.CurrentSlaPolicy;
import io.supportflow.testing.SlaPolicies;

/** The wait's ends that the running service cannot show: no wait at all, and a shutdown during one. */
class SlaPolicyWaitTest {

    private final CurrentSlaPolicy policy = new CurrentSlaPolicy();
    private final SlaPolicyWait wait = new SlaPolicyWait(policy, new ConsumerRetryConfig() {
        @Override
        public int maxAttempts() {
            return 8;
        }

        @Override
        public Duration initialBackoff() {
            return Duration.ofMillis(200);
        }

        @Override
        public Duration maxBackoff() {
            return Duration.ofSeconds(5);
        }

        @Override
        public Duration databaseAwayBudget() {
            return Duration.ofMinutes(3);
        }
    });

    @AfterEach
    void clearTheInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aBatchGoesOnAtOnceWhileAPolicyIsHeld() {
        policy.take(SlaPolicies.shipped(1));
        Thread.currentThread().interrupt();

        // An interrupt would end a wait: there is none.
        assertThat(wait.untilKnown("ticket-events", 1)).isTrue();
    }

    @Test
    void aShutdownEndsTheWaitAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();

        assertThat(wait.untilKnown("ticket-events", 1)).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }
}
