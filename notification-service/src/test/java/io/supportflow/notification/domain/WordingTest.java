package io.supportflow.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.HandlingMode;

class WordingTest {

    @Test
    void durationsReadNaturallyInBothLanguages() {
        assertThat(Wording.duration(Duration.ofHours(1), Language.EN)).isEqualTo("1 hour");
        assertThat(Wording.duration(Duration.ofHours(24), Language.EN)).isEqualTo("24 hours");
        assertThat(Wording.duration(Duration.ofHours(1), Language.DE)).isEqualTo("1 Stunde");
        assertThat(Wording.duration(Duration.ofHours(4), Language.DE)).isEqualTo("4 Stunden");
        assertThat(Wording.duration(Duration.ofMinutes(90), Language.EN)).isEqualTo("1 hour 30 min");
        assertThat(Wording.duration(Duration.ofMinutes(1), Language.DE)).isEqualTo("1 Minute");
        assertThat(Wording.duration(Duration.ofSeconds(20), Language.EN)).isEqualTo("less than a minute");
    }

    @Test
    void instantsAreShownInUtcToTheMinute() {
        assertThat(Wording.instant(Instant.parse("2030-01-15T10:30:59Z"))).isEqualTo("2030-01-15 10:30 UTC");
    }

    @Test
    void germanLocalesGetGermanAndEverythingElseEnglish() {
        assertThat(Language.of("de")).isEqualTo(Language.DE);
        assertThat(Language.of("de-AT")).isEqualTo(Language.DE);
        assertThat(Language.of("fr")).isEqualTo(Language.EN);
        assertThat(Language.of(null)).isEqualTo(Language.EN);
    }

    @Test
    void handlingModesAndEscalationTriggersReadAsOpsSayThem() {
        assertThat(Wording.mode(HandlingMode.ROUND_THE_CLOCK)).isEqualTo("around the clock");
        assertThat(Wording.mode(HandlingMode.BUSINESS_HOURS_EXTENDED)).isEqualTo("business hours with extended cover");
        assertThat(Wording.mode(HandlingMode.BUSINESS_HOURS)).isEqualTo("business hours");
        assertThat(Wording.trigger(EscalationTrigger.RESPONSE_WARNING)).isEqualTo("response target at risk");
        assertThat(Wording.trigger(EscalationTrigger.HANDLING_BREACH)).isEqualTo("handling target missed");
    }
}
