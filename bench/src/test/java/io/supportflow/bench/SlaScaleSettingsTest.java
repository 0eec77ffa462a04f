package io.supportflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlaScaleSettingsTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void aLongerHandlingTargetDelaysEachHandlingClockByTheDifference() {
        assertThat(settings(HOUR, Duration.ofMinutes(65)).handlingDelay()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings(HOUR, HOUR).handlingDelay()).isZero();
    }

    @Test
    void aHandlingTargetShorterThanTheTargetIsRefused() {
        assertThatThrownBy(() -> settings(HOUR, Duration.ofMinutes(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--handling-target PT30M is shorter than --target PT1H");
    }

    private static SlaScale.Settings settings(Duration target, Duration handlingTarget) {
        return new SlaScale.Settings(1000, 0, Duration.ofSeconds(300), Duration.ofSeconds(60), Duration.ofSeconds(120),
                target, handlingTarget, false, true);
    }
}
