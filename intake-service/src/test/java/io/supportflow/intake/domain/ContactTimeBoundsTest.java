package io.supportflow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The contact time may be a little ahead of intake's clock and at most an hour behind it, both inclusive. */
class ContactTimeBoundsTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration MILLI = Duration.ofMillis(1);

    private final ContactTimeBounds bounds = new ContactTimeBounds(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void anAbsentContactTimeIsAccepted() {
        assertThat(bounds.check(null, RECEIVED)).isEmpty();
    }

    @Test
    void exactlyMaxAgeOldIsAcceptedAndAMillisecondOlderIsRefused() {
        assertThat(bounds.check(RECEIVED.minus(Duration.ofHours(1)), RECEIVED)).isEmpty();

        assertThat(bounds.check(RECEIVED.minus(Duration.ofHours(1)).minus(MILLI), RECEIVED)).hasValueSatisfying(
                error -> {
                    assertThat(error.field()).isEqualTo("submittedAt");
                    assertThat(error.message()).startsWith("is too old").contains("PT1H");
                });
    }

    @Test
    void aheadWithinTheSkewIsAcceptedAndBeyondItIsRefused() {
        assertThat(bounds.check(RECEIVED.plusSeconds(10), RECEIVED)).isEmpty();
        assertThat(bounds.check(RECEIVED.plusSeconds(30), RECEIVED)).isEmpty();

        assertThat(bounds.check(RECEIVED.plusSeconds(30).plus(MILLI), RECEIVED)).hasValueSatisfying(error -> {
            assertThat(error.field()).isEqualTo("submittedAt");
            assertThat(error.message()).startsWith("is in the future").contains("PT30S");
        });
    }

    @Test
    void theMomentOfReceiptItselfIsAccepted() {
        assertThat(bounds.check(RECEIVED, RECEIVED)).isEmpty();
    }

    @Test
    void withoutSkewAnyInstantAfterReceiptIsRefused() {
        ContactTimeBounds strict = new ContactTimeBounds(Duration.ZERO, Duration.ofHours(1));

        assertThat(strict.check(RECEIVED, RECEIVED)).isEmpty();
        assertThat(strict.check(RECEIVED.plus(MILLI), RECEIVED)).isPresent();
    }

    @Test
    void negativeBoundsAreAConfigurationError() {
        assertThatThrownBy(() -> new ContactTimeBounds(Duration.ofSeconds(-1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContactTimeBounds(Duration.ofSeconds(30), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
