package io.supportflow.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.supportflow.runtime.retry.Backoff;

class RetryPolicyTest {

    private static final Instant GIVE_UP_AT = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instant NOW = GIVE_UP_AT.minus(Duration.ofHours(1));

    private final RetryPolicy policy = new RetryPolicy(new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1)));

    @Test
    void theWaitDoublesAfterEachFailureUpToTheMaximum() {
        assertThat(policy.nextAttempt(1, NOW, GIVE_UP_AT)).contains(NOW.plusSeconds(5));
        assertThat(policy.nextAttempt(2, NOW, GIVE_UP_AT)).contains(NOW.plusSeconds(10));
        assertThat(policy.nextAttempt(4, NOW, GIVE_UP_AT)).contains(NOW.plusSeconds(40));
        assertThat(policy.nextAttempt(5, NOW, GIVE_UP_AT)).contains(NOW.plus(Duration.ofMinutes(1)));
        assertThat(policy.nextAttempt(500, NOW, GIVE_UP_AT)).contains(NOW.plus(Duration.ofMinutes(1)));
    }

    @Test
    void aFailureBeforeTheGiveUpTimeIsRetriedAndOneAtOrAfterItIsNot() {
        assertThat(policy.nextAttempt(2, GIVE_UP_AT.minusSeconds(1), GIVE_UP_AT))
                .contains(GIVE_UP_AT.plusSeconds(9));
        assertThat(policy.nextAttempt(2, GIVE_UP_AT, GIVE_UP_AT)).isEmpty();
    }
}
