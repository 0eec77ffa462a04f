package io.supportflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

    @Test
    void requestsAreDueAtEvenIntervalsFromTheStartWhateverHappenedBefore() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(1_000, 200);
        assertThat(schedule.dueNanos(0)).isEqualTo(1_000);
        assertThat(schedule.dueNanos(1)).isEqualTo(1_000 + 5_000_000);
        assertThat(schedule.dueNanos(200)).isEqualTo(1_000 + 1_000_000_000L);
    }

    @Test
    void countsTheRequestsDueWithinAPeriod() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(0, 1000);
        assertThat(schedule.requestsBefore(60_000_000_000L)).isEqualTo(60_000);
        assertThat(schedule.requestsBefore(0)).isZero();
        assertThat(schedule.requestsBefore(1)).isEqualTo(1);
    }

    @Test
    void refusesARateThatIsNotPositive() {
        assertThatThrownBy(() -> new OpenLoopSchedule(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
