package io.supportflow.intake;

import static io.supportflow.intake.AccountRequests.newAccountId;
import static io.supportflow.intake.AccountRequests.register;
import static io.supportflow.intake.AccountRequests.ticketFor;
import static io.supportflow.intake.TicketRequests.CHAT_KEY;
import static io.supportflow.intake.TicketRequests.PHONE_KEY;
import static io.supportflow.intake.TicketRequests.WEB_KEY;
import static io.supportflow.intake.TicketRequests.assertNothingPublishedBefore;
import static io.supportflow.intake.TicketRequests.post;
import static io.supportflow.intake.TicketRequests.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.supportflow.events.EventType;
import io.supportflow.events.Plan;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.Topics;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;

/** With the shipped settings: a phone ticket of an unknown account is refused, a web or chat one runs on FREE. */
@QuarkusTest
@TestProfile(UnknownAccountsTest.ShippedSettings.class)
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class UnknownAccountsTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    /** The production values of application.properties, which the test profile replaces for other tests. */
    public static class ShippedSettings implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("supportflow.intake.accounts.unknown.WEB", "DEFAULT_PLAN",
                    "supportflow.intake.accounts.unknown.CHAT", "DEFAULT_PLAN",
                    "supportflow.intake.accounts.unknown.PHONE", "REFUSE");
        }
    }

    @TopicClients.Reads(Topics.TICKETS_RECEIVED)
    private TopicReader received;

    @Test
    void aPhoneTicketOfAnUnknownAccountIsRefusedWith422NamingTheAccountAndNothingIsPublished() {
        String account = newAccountId();

        post(PHONE_KEY, ticketFor(account, "ENTERPRISE")).statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("errors[0].field", equalTo("customer.accountId"))
                .body("detail", equalTo("The account '" + account + "' is not in the account directory, and PHONE "
                        + "tickets are taken for known accounts only"));

        assertNothingPublishedBefore(received);
    }

    @Test
    void webAndChatTicketsOfAnUnknownAccountRunOnFreeWithTheNamedPlanRecordedAsClaimed() {
        TicketReceived web = received.awaitEvent(EventType.TICKET_RECEIVED,
                submit(WEB_KEY, ticketFor(newAccountId(), "ENTERPRISE")), SOON);
        TicketReceived chat = received.awaitEvent(EventType.TICKET_RECEIVED,
                submit(CHAT_KEY, ticketFor(newAccountId(), "FREE")), SOON);

        assertThat(web.plan()).isEqualTo(Plan.FREE);
        assertThat(web.claimedPlan()).isEqualTo(Plan.ENTERPRISE);
        assertThat(chat.plan()).isEqualTo(Plan.FREE);
        assertThat(chat.claimedPlan()).isNull();
    }

    @Test
    void aPhoneTicketOfAnAccountBillingRegisteredIsTakenOnItsPlan() {
        String account = newAccountId();
        register(account, "BUSINESS");

        TicketReceived phone = received.awaitEvent(EventType.TICKET_RECEIVED,
                submit(PHONE_KEY, ticketFor(account, "BUSINESS")), SOON);

        assertThat(phone.plan()).isEqualTo(Plan.BUSINESS);
        assertThat(phone.claimedPlan()).isNull();
    }
}
