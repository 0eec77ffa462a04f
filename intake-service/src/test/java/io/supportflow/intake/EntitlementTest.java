package io.supportflow.intake;

import static io.supportflow.intake.TicketRequests.CHAT_KEY;
import static io.supportflow.intake.TicketRequests.PHONE_KEY;
import static io.supportflow.intake.TicketRequests.WEB_KEY;
import static io.supportflow.intake.TicketRequests.assertNothingPublishedBefore;
import static io.supportflow.intake.TicketRequests.post;
import static io.supportflow.intake.TicketRequests.validTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.Channel;
import io.supportflow.events.EventType;
import io.supportflow.events.Plan;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.Topics;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;

/** Every cell of the plan × channel table in DESIGN.md, through the real API keys. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class EntitlementTest {

    private static final Map<Channel, String> KEYS = Map.of(Channel.WEB, WEB_KEY, Channel.CHAT, CHAT_KEY,
            Channel.PHONE, PHONE_KEY);

    @TopicClients.Reads(Topics.TICKETS_RECEIVED)
    private TopicReader received;

    @ParameterizedTest(name = "{0} may use {1}")
    @CsvSource({
            "FREE, WEB", "FREE, CHAT",
            "PRO, WEB", "PRO, CHAT",
            "BUSINESS, WEB", "BUSINESS, CHAT", "BUSINESS, PHONE",
            "ENTERPRISE, WEB", "ENTERPRISE, CHAT", "ENTERPRISE, PHONE",
            "EDUCATION, WEB", "EDUCATION, CHAT", "EDUCATION, PHONE",
            "API, WEB", "API, CHAT", "API, PHONE"})
    void anIncludedChannelIsAcceptedAndPublishedWithItsPlanAndChannel(Plan plan, Channel channel) {
        String ticketId = post(KEYS.get(channel), validTicket(plan.name())).statusCode(202)
                .extract().path("ticketId");

        TicketReceived event = received.awaitEvent(EventType.TICKET_RECEIVED, ticketId, Duration.ofSeconds(10));
        assertThat(event.plan()).isEqualTo(plan);
        assertThat(event.channel()).isEqualTo(channel);
    }

    @ParameterizedTest(name = "{0} may not use PHONE")
    @CsvSource({"FREE, '[WEB, CHAT]'", "PRO, '[WEB, CHAT]'"})
    void aPhoneTicketOnAPlanWithoutPhoneIsForbiddenNamingTheIncludedChannels(Plan plan, String included) {
        post(PHONE_KEY, validTicket(plan.name())).statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("detail", equalTo("The account's " + plan + " plan includes " + included + ", not PHONE"));
        assertNothingPublishedBefore(received);
    }

    @Test
    void aChatKeyPostingAsPhoneIsForbiddenNamingTheChannelField() {
        Map<String, Object> ticket = validTicket("ENTERPRISE");
        ticket.put("channel", "PHONE");

        post(CHAT_KEY, ticket).statusCode(403)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("channel"))
                .body("errors[0].message", equalTo("must be CHAT, the channel of this API key"));
        assertNothingPublishedBefore(received);
    }
}
