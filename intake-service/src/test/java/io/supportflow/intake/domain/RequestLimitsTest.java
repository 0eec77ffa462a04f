package io.supportflow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.supportflow.events.Channel;
import io.supportflow.testing.MutableClock;

class RequestLimitsTest {

    private final MutableClock clock = new MutableClock();
    private RequestLimits limits;

    @BeforeEach
    void twoPerSecondWithABurstOfThreeAndAStricterChatKey() {
        clock.set(Instant.parse("2026-11-25T10:00:00Z"));
        limits = new RequestLimits(new RequestLimits.Limit(2, 3),
                Map.of(Channel.CHAT, new RequestLimits.Limit(0.1, 1)), clock);
    }

    @Test
    void aBurstIsAdmittedAndTheNextRequestIsToldToWaitForTheNextToken() {
        for (int i = 0; i < 3; i++) {
            assertThat(limits.admit(Channel.WEB)).isEmpty();
        }
        assertThat(limits.admit(Channel.WEB)).contains(Duration.ofMillis(500));
    }

    @Test
    void tokensComeBackAtTheSustainedRateButNeverBeyondTheBurst() {
        for (int i = 0; i < 3; i++) {
            limits.admit(Channel.WEB);
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(limits.admit(Channel.WEB)).isEmpty();
        assertThat(limits.admit(Channel.WEB)).isEmpty();
        assertThat(limits.admit(Channel.WEB)).isPresent();

        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limits.admit(Channel.WEB)).isEmpty();
        }
        assertThat(limits.admit(Channel.WEB)).isPresent();
    }

    @Test
    void eachKeyHasItsOwnAllowanceAndAKeyMayHaveItsOwnLimit() {
        assertThat(limits.admit(Channel.CHAT)).isEmpty();
        assertThat(limits.admit(Channel.CHAT)).contains(Duration.ofSeconds(10));

        assertThat(limits.admit(Channel.WEB)).isEmpty();
        assertThat(limits.admit(Channel.PHONE)).isEmpty();
    }
}
