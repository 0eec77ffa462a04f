package io.supportflow.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.Problem;
import io.supportflow.runtime.problem.ProblemException;

class QueryPeriodTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void withoutParametersThePeriodIsTheLastThirtyDays() {
        assertThat(QueryPeriod.of(null, null, NOW)).isEqualTo(new QueryPeriod(NOW.minus(Duration.ofDays(30)), NOW));
        assertThat(QueryPeriod.of("", " ", NOW).length()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aGivenEndMovesTheDefaultStartWithIt() {
        assertThat(QueryPeriod.of(null, "2026-06-30T00:00:00Z", NOW, Duration.ofDays(7)))
                .isEqualTo(new QueryPeriod(Instant.parse("2026-06-23T00:00:00Z"), Instant.parse("2026-06-30T00:00:00Z")));
    }

    @Test
    void aGivenStartRunsUntilNow() {
        assertThat(QueryPeriod.of("2026-12-01T00:00:00Z", null, NOW))
                .isEqualTo(new QueryPeriod(Instant.parse("2026-12-01T00:00:00Z"), NOW));
    }

    @Test
    void anEndNotAfterTheStartIsABadRequestNamingTo() {
        assertThat(problemOf("2026-06-02T00:00:00Z", "2026-06-01T00:00:00Z").errors())
                .containsExactly(new FieldError("to", "must be after from"));
        assertThat(problemOf("2026-06-02T00:00:00Z", "2026-06-02T00:00:00Z").errors())
                .containsExactly(new FieldError("to", "must be after from"));
    }

    @Test
    void aStartInTheFutureWithoutAnEndIsABadRequestNamingFrom() {
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> QueryPeriod.of("2027-01-01T00:00:00Z", null, NOW));
        assertThat(((Problem) refused.getResponse().getEntity()).errors())
                .containsExactly(new FieldError("from", "must be before now (to, when not given)"));
    }

    @Test
    void unreadableEndsAreNamedEachOnceWithoutRepeatingThem() {
        Problem problem = problemOf("yesterday", "tomorrow<script>");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("to", "from");
        assertThat(problem.toString()).doesNotContain("yesterday", "script");
    }

    private static Problem problemOf(String from, String to) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> QueryPeriod.of(from, to, NOW));
        return (Problem) refused.getResponse().getEntity();
    }
}
