package io.supportflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void readsValuesFlagsAndDurations() {
        Options options = Options.parse(List.of("--rate", "200", "--duration=90s", "--profile", "--clocks", "1_000_000"),
                Set.of("profile"), Map.of());
        assertThat(options.number("rate", 0)).isEqualTo(200);
        assertThat(options.duration("duration", Duration.ZERO)).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.flag("profile")).isTrue();
        assertThat(options.number("clocks", 0)).isEqualTo(1_000_000);
        assertThat(options.number("concurrency", 64)).isEqualTo(64);
    }

    @Test
    void durationsTakeUnitsAndABareNumberIsSeconds() {
        assertThat(Options.parseDuration("x", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Options.parseDuration("x", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Options.parseDuration("x", "24h")).isEqualTo(Duration.ofHours(24));
        assertThat(Options.parseDuration("x", "45")).isEqualTo(Duration.ofSeconds(45));
        assertThatThrownBy(() -> Options.parseDuration("window", "soon")).hasMessageContaining("--window");
    }

    @Test
    void theEnvironmentFillsInWhatIsNotGiven() {
        Options options = Options.parse(List.of(), Set.of(), Map.of("SUPPORTFLOW_INTAKE_PORT", "18081"));
        assertThat(options.env("SUPPORTFLOW_INTAKE_PORT", "8081")).isEqualTo("18081");
        assertThat(options.env("SUPPORTFLOW_KAFKA_PORT", "9092")).isEqualTo("9092");
    }

    @Test
    void refusesStrayArgumentsAndMissingValues() {
        assertThatThrownBy(() -> Options.parse(List.of("fast"), Set.of(), Map.of())).hasMessageContaining("fast");
        assertThatThrownBy(() -> Options.parse(List.of("--rate"), Set.of(), Map.of())).hasMessageContaining("--rate");
    }
}
