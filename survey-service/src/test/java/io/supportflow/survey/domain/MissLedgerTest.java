package io.supportflow.survey.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class MissLedgerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void aClientIsBlockedAtTheLimitAndFreedWhenItsMissesLeaveTheWindow() {
        MissLedger ledger = new MissLedger(3, Duration.ofMinutes(1));
        ledger.recordMiss("a", T0);
        ledger.recordMiss("a", T0.plusSeconds(20));
        assertThat(ledger.isBlocked("a", T0.plusSeconds(21))).isFalse();

        ledger.recordMiss("a", T0.plusSeconds(40));

        assertThat(ledger.isBlocked("a", T0.plusSeconds(41))).isTrue();
        assertThat(ledger.isBlocked("b", T0.plusSeconds(41))).isFalse();
        assertThat(ledger.retryAfter("a", T0.plusSeconds(41))).isEqualTo(Duration.ofSeconds(20));
        assertThat(ledger.isBlocked("a", T0.plusSeconds(60))).isFalse();
    }
}
