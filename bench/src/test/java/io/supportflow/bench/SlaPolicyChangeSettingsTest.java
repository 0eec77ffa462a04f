package io.supportflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlaPolicyChangeSettingsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void defaultsToTheFigureOfIssue20OnProP2Tickets() {
        SlaPolicyChange.Settings settings = settings();
        assertThat(settings.clocks()).isEqualTo(100_000);
        assertThat(settings.plan()).isEqualTo(Plan.PRO);
        assertThat(settings.priority()).isEqualTo(Priority.P2);
        assertThat(settings.cellPriority()).isEqualTo(Priority.P2);
        assertThat(settings.cell()).isEqualTo("PRO P2");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.opsUser()).isEqualTo("ops");
        assertThat(settings.opsPassword()).isEqualTo("ops-dev-password");
        assertThat(settings.allowOtherServices()).isFalse();
        // Without --due-in the change halves the target in force: 4 h → 2 h.
        assertThat(settings.newTarget(Duration.ofHours(4))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void readsEveryOption() {
        SlaPolicyChange.Settings settings = settings("--clocks", "250_000", "--plan", "business", "--priority", "p1",
                "--due-in", "6h", "--timeout", "60s", "--ops-user", "lead", "--ops-password", "secret",
                "--allow-other-services");
        assertThat(settings.clocks()).isEqualTo(250_000);
        assertThat(settings.cell()).isEqualTo("BUSINESS P1");
        assertThat(settings.newTarget(Duration.ofHours(1))).isEqualTo(Duration.ofHours(6));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.opsUser()).isEqualTo("lead");
        assertThat(settings.opsPassword()).isEqualTo("secret");
        assertThat(settings.allowOtherServices()).isTrue();
    }

    @Test
    void withoutAPriorityTheClocksRunOnTheP3Target() {
        SlaPolicyChange.Settings settings = settings("--priority", "none");
        assertThat(settings.priority()).isNull();
        assertThat(settings.cellPriority()).isEqualTo(Priority.P3);
        assertThat(settings.cell()).isEqualTo("PRO without a priority (P3)");
        assertThat(settings.newTarget(Duration.ofHours(24))).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void refusesUnknownCellsAndChangesThatChangeNothing() {
        assertThatThrownBy(() -> settings("--plan", "GOLD")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--plan must be one of").hasMessageContaining("'GOLD'");
        assertThatThrownBy(() -> settings("--priority", "P9")).hasMessageContaining("or none, not 'P9'");
        assertThatThrownBy(() -> settings("--clocks", "0")).hasMessageContaining("--clocks");
        assertThatThrownBy(() -> settings("--due-in", "0")).hasMessageContaining("--due-in");
        assertThatThrownBy(() -> settings("--due-in", "4h").newTarget(Duration.ofHours(4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("would move no due time");
    }

    @Test
    void nothingMayWarnOrFallDueWithinTheRun() {
        List<Double> fractions = List.of(0.75);
        // PRO P2 4 h → 2 h: the first warning under the new target 90 min after receipt, long after a 2 min run.
        SlaPolicyChange.checkNothingFallsDue(NOW, Duration.ofHours(4), Duration.ofHours(2), fractions,
                NOW.plusSeconds(120));
        // 4 h → 10 min: a warning 7.5 min after receipt, within a run that lasts until 10 min after it.
        assertThatThrownBy(() -> SlaPolicyChange.checkNothingFallsDue(NOW, Duration.ofHours(4),
                Duration.ofMinutes(10), fractions, NOW.plusSeconds(600)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-03-02T10:07:30Z").hasMessageContaining("choose a longer --due-in");
        // Without warnings the due time itself is what must come after the run.
        SlaPolicyChange.checkNothingFallsDue(NOW, Duration.ofMinutes(20), Duration.ofMinutes(11), List.of(),
                NOW.plusSeconds(600));
        assertThatThrownBy(() -> SlaPolicyChange.checkNothingFallsDue(NOW, Duration.ofMinutes(20),
                Duration.ofMinutes(10), List.of(), NOW.plusSeconds(600))).hasMessageContaining("10:10:00Z");
    }

    private static SlaPolicyChange.Settings settings(String... args) {
        return SlaPolicyChange.Settings.from(Options.parse(List.of(args), Set.of("allow-other-services"), Map.of()));
    }
}
