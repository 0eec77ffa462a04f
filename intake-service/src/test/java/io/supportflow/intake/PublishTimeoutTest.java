package io.supportflow.intake;

import static io.supportflow.intake.TicketRequests.WEB_KEY;
import static io.supportflow.intake.TicketRequests.post;
import static io.supportflow.intake.TicketRequests.validTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.supportflow.events.EventType;
import io.supportflow.events.Topics;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;

/**
 * A ticket stored but not acknowledged by the broker in time is answered with 503 and Retry-After, never
 * with 202; posting it again returns the same ticket once it is published, which it is exactly once.
 */
@QuarkusTest
@TestProfile(PublishTimeoutTest.NoPatience.class)
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class PublishTimeoutTest {

    public static class NoPatience implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Shorter than any round trip to the broker: every first answer comes before the acknowledgement.
            return Map.of("supportflow.intake.publish-timeout", "1ms");
        }
    }

    @TopicClients.Reads(Topics.TICKETS_RECEIVED)
    private TopicReader received;

    @Test
    void aTicketNotYetAcknowledgedIsA503AndItsRetryReturnsTheSameTicketPublishedOnce() {
        Map<String, Object> ticket = validTicket("PRO");

        post(WEB_KEY, ticket).statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5").body("detail", containsString("not acknowledged it yet"));

        String ticketId = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> post(WEB_KEY, ticket).extract().response(), answer -> answer.statusCode() == 202)
                .path("ticketId");
        received.awaitRecord(EventType.TICKET_RECEIVED, ticketId, Duration.ofSeconds(30));
        assertThat(received.records(record -> ticketId.equals(record.key()))).hasSize(1);
    }
}
