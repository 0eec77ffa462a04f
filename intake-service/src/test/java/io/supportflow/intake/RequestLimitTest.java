package io.supportflow.intake;

import static io.supportflow.intake.TicketRequests.CHAT_KEY;
import static io.supportflow.intake.TicketRequests.assertNothingPublishedBefore;
import static io.supportflow.intake.TicketRequests.post;
import static io.supportflow.intake.TicketRequests.submit;
import static io.supportflow.intake.TicketRequests.validTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.supportflow.events.Topics;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicReader;

/** Each API key has its own request allowance; a key over it gets 429 with Retry-After and publishes nothing. */
@QuarkusTest
@TestProfile(RequestLimitTest.ChatKeyOfTwoRequests.class)
@WithTestResource(SupportFlowTestResource.class)
class RequestLimitTest {

    /** The chat key may make two requests and then one every 1,000 s; the other keys keep the defaults. */
    public static class ChatKeyOfTwoRequests implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("supportflow.intake.request-limits.keys.CHAT.per-second", "0.001",
                    "supportflow.intake.request-limits.keys.CHAT.burst", "2");
        }
    }

    @Test
    void aKeyOverItsLimitGets429WithRetryAfterWhileOtherKeysGoOn() {
        submit(CHAT_KEY, validTicket("PRO"));
        submit(CHAT_KEY, validTicket("PRO"));
        TopicReader afterAllowance = TopicReader.fromNow(SharedInfrastructure.broker().bootstrapServers(),
                Topics.TICKETS_RECEIVED);
        try (afterAllowance) {
            String retryAfter = post(CHAT_KEY, validTicket("PRO")).statusCode(429)
                    .contentType("application/problem+json")
                    .body("status", equalTo(429))
                    .extract().header("Retry-After");

            assertThat(Long.parseLong(retryAfter)).isBetween(1L, 1000L);
            // The allowance is checked before the ticket: an invalid one gets 429 too, not 400.
            post(CHAT_KEY, "{}").statusCode(429);
            // The probe is posted with the web key: it still gets through.
            assertNothingPublishedBefore(afterAllowance);
        }
    }
}
