package io.supportflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfilerTest {

    @Test
    void threadsOfOnePoolCountAsOne() {
        assertThat(Profiler.threadGroup("executor-thread-12")).isEqualTo("executor-thread");
        assertThat(Profiler.threadGroup("C2 CompilerThread0")).isEqualTo("C2 CompilerThread");
        assertThat(Profiler.threadGroup("vert.x-eventloop-thread-1")).isEqualTo("vert.x-eventloop-thread");
        assertThat(Profiler.threadGroup("outbox-relay")).isEqualTo("outbox-relay");
    }

    @Test
    void summaryListsTheHottestFirstWithTheirShare() {
        Profiler.ProfileSummary summary = Profiler.ProfileSummary.of("triage", 200,
                Map.of("java.util.regex.Pattern.match", 120L, "org.hibernate.Session.flush", 20L),
                Map.of("Hibernate ORM", 30L, "SupportFlow code", 150L),
                Map.of("executor-thread", 3.0, "C2 CompilerThread", 1.0), 1);
        assertThat(summary.topFrames()).singleElement()
                .satisfies(top -> {
                    assertThat(top.method()).isEqualTo("java.util.regex.Pattern.match");
                    assertThat(top.percent()).isEqualTo(60.0);
                });
        assertThat(summary.onStackPct()).containsExactly(Map.entry("SupportFlow code", 75.0),
                Map.entry("Hibernate ORM", 15.0));
        assertThat(summary.cpuShareByThreadPct()).containsExactly(Map.entry("executor-thread", 75.0),
                Map.entry("C2 CompilerThread", 25.0));
    }
}
