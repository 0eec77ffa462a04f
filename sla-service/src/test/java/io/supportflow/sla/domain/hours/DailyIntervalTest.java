package io.supportflow.sla.domain.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.supportflow.events.OpeningInterval;

class DailyIntervalTest {

    @Test
    void readsHoursAndMinutesAndTwentyFourAsTheEndOfTheDay() {
        DailyInterval morning = DailyInterval.parse("08:30", "12:00");
        DailyInterval evening = DailyInterval.parse("18:00", "24:00");

        assertThat(morning).isEqualTo(new DailyInterval(LocalTime.of(8, 30), LocalTime.NOON));
        assertThat(evening.to()).isNull();
        assertThat(morning.fromText()).isEqualTo("08:30");
        assertThat(morning.toText()).isEqualTo("12:00");
        assertThat(evening.toText()).isEqualTo("24:00");
        assertThat(DailyInterval.parse("00:00", "24:00").toOpeningInterval()).isEqualTo(new OpeningInterval("00:00", "24:00"));
    }

    @ParameterizedTest(name = "{0}-{1}: {2}")
    @CsvSource(nullValues = "null", value = {
            "8:00,12:00,from must be a time HH:mm",
            "08:00,12:00:00,to must be a time HH:mm",
            "24:00,24:00,from must be a time HH:mm",
            "08:60,12:00,from must be a time HH:mm",
            "null,12:00,from must be a time HH:mm",
            "08:00,null,to must be a time HH:mm",
            "12:00,08:00,to must be after from",
            "12:00,12:00,to must be after from",
            "' 08:00',12:00,from must be a time HH:mm"})
    void badTextOrAnEndNotAfterTheStartIsRefusedWithoutRepeatingTheText(String from, String to, String message) {
        assertThatThrownBy(() -> DailyInterval.parse(from, to))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void secondsWouldBeLostInTheTextSoTheyAreRefused() {
        assertThatThrownBy(() -> new DailyInterval(LocalTime.of(8, 0, 30), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void intervalsThatOnlyTouchDoNotOverlap() {
        DailyInterval morning = DailyInterval.parse("08:00", "12:00");

        assertThat(morning.overlaps(DailyInterval.parse("12:00", "18:00"))).isFalse();
        assertThat(DailyInterval.parse("12:00", "18:00").overlaps(morning)).isFalse();
        assertThat(morning.overlaps(DailyInterval.parse("11:59", "13:00"))).isTrue();
        assertThat(morning.overlaps(DailyInterval.parse("09:00", "10:00"))).isTrue();
        assertThat(DailyInterval.parse("20:00", "24:00").overlaps(DailyInterval.parse("23:00", "24:00"))).isTrue();
    }
}
