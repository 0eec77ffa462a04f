package io.supportflow.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.supportflow.events.Channel;
import io.supportflow.intake.config.IntakeConfig;
import io.supportflow.runtime.problem.Problem;
import io.supportflow.testing.MutableClock;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

class RequestLimiterTest {

    record Limit(double perSecond, int burst) implements IntakeConfig.Limit {
    }

    record Limits(IntakeConfig.Limit defaultLimit, Map<Channel, IntakeConfig.Limit> keys)
            implements IntakeConfig.RequestLimits {
    }

    private final MutableClock clock = new MutableClock();
    private RequestLimiter limiter;

    @BeforeEach
    void oneRequestEveryTwoSecondsWithABurstOfThreeAndAStricterChatKey() {
        clock.set(Instant.parse("2026-11-25T10:00:00Z"));
        limiter = new RequestLimiter(new Limits(new Limit(0.5, 3), Map.of(Channel.CHAT, new Limit(0.001, 1))), clock);
    }

    @Test
    void aBurstIsAdmittedAndTheNextRequestIsToldToWaitForTheNextToken() {
        admitted(Channel.WEB, 3);

        Response refused = refused(Channel.WEB);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        assertThat(refused.getHeaderString("Retry-After")).isEqualTo("2");
        assertThat(((Problem) refused.getEntity()).detail())
                .isEqualTo("The WEB API key has made too many requests; retry in 2 s");
    }

    @Test
    void tokensComeBackAtTheSustainedRateButNeverBeyondTheBurst() {
        admitted(Channel.WEB, 3);
        clock.advance(Duration.ofSeconds(2));
        admitted(Channel.WEB, 1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(refused(Channel.WEB).getHeaderString("Retry-After")).isEqualTo("1");

        clock.advance(Duration.ofHours(1));
        admitted(Channel.WEB, 3);
        assertThat(refused(Channel.WEB).getHeaderString("Retry-After")).isEqualTo("2");
    }

    @Test
    void eachKeyHasItsOwnAllowanceAndAKeyMayHaveItsOwnLimit() {
        admitted(Channel.CHAT, 1);
        assertThat(refused(Channel.CHAT).getHeaderString("Retry-After")).isEqualTo("1000");

        admitted(Channel.WEB, 3);
        admitted(Channel.PHONE, 3);
    }

    @Test
    void aRateIsWholeTokensPerAnExactPeriod() {
        assertRefill(new Limit(500, 1000), 500, Duration.ofSeconds(1));
        assertRefill(new Limit(2.5, 5), 25, Duration.ofSeconds(10));
        assertRefill(new Limit(0.001, 2), 1, Duration.ofSeconds(1000));
    }

    private static void assertRefill(Limit limit, long tokens, Duration period) {
        var bandwidth = RequestLimiter.bandwidthOf(limit);
        assertThat(bandwidth.getCapacity()).isEqualTo(limit.burst());
        assertThat(bandwidth.getRefillTokens()).isEqualTo(tokens);
        assertThat(bandwidth.getRefillPeriodNanos()).isEqualTo(period.toNanos());
    }

    private void admitted(Channel channel, int requests) {
        for (int i = 0; i < requests; i++) {
            assertThatCode(() -> limiter.admit(channel)).as("request %d of %s", i + 1, channel)
                    .doesNotThrowAnyException();
        }
    }

    private Response refused(Channel channel) {
        return catchThrowableOfType(WebApplicationException.class, () -> limiter.admit(channel)).getResponse();
    }
}
