package io.supportflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaScaleResultTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void handlingClocksOnTheResponseTargetFallDueAtTheSameInstant() {
        assertThat(clocksRow(HOUR, 300)).contains("both on a target of 60 min, so both fall due at the same instant")
                .contains("≈ 20 breaches/s over the window (twice the rate");
    }

    @Test
    void handlingClocksDueAWindowLaterMakeTwoConsecutiveWindows() {
        assertThat(clocksRow(HOUR.plusMinutes(5), 300))
                .contains("handling clocks due 300 s after their response clock: two consecutive windows, "
                        + "≈ 10 breaches/s each");
    }

    @Test
    void handlingClocksDueLessThanAWindowLaterOverlap() {
        assertThat(clocksRow(HOUR.plusMinutes(1), 300)).contains("two windows overlapping for 240 s (≈ 20 breaches/s "
                + "there), ≈ 10 breaches/s each");
    }

    @Test
    void handlingClocksDueMoreThanAWindowLaterLeaveAGap() {
        assertThat(clocksRow(HOUR.plusMinutes(10), 300)).contains("two consecutive windows with 300 s between them");
    }

    /** The "handling clocks" row for 3000 tickets due over the given window. */
    private static String clocksRow(Duration handlingTarget, long windowSeconds) {
        SlaScaleResult.HandlingFigures figures = new SlaScaleResult.HandlingFigures(HOUR, handlingTarget, 0, 0, null,
                null, Map.of(), null, null);
        StringBuilder md = new StringBuilder();
        figures.appendClocks(md, 3000, windowSeconds);
        return md.toString();
    }
}
