package io.supportflow.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(1));

    @Test
    void theWaitDoublesAfterEachFailureUpToTheMaximum() {
        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoffAfter(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.backoffAfter(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.backoffAfter(500)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aFailureBeforeTheGiveUpTimeIsRetriedAndOneAtOrAfterItIsNot() {
        Instant giveUpAt = Instant.parse("2026-11-25T12:00:00Z");
        assertThat(policy.nextAttempt(2, giveUpAt.minusSeconds(1), giveUpAt))
                .contains(giveUpAt.plusSeconds(9));
        assertThat(policy.nextAttempt(2, giveUpAt, giveUpAt)).isEmpty();
    }
}
