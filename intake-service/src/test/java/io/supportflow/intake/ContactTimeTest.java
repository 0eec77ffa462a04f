package io.supportflow.intake;

import static io.supportflow.intake.OtherServices.asAgent;
import static io.supportflow.intake.TicketRequests.PHONE_KEY;
import static io.supportflow.intake.TicketRequests.TICKETS;
import static io.supportflow.intake.TicketRequests.WEB_KEY;
import static io.supportflow.intake.TicketRequests.assertNothingPublishedBefore;
import static io.supportflow.intake.TicketRequests.post;
import static io.supportflow.intake.TicketRequests.submit;
import static io.supportflow.intake.TicketRequests.validTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.Channel;
import io.supportflow.events.DeterministicIds;
import io.supportflow.events.EventType;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.Topics;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TestClock;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;

/**
 * An adapter's {@code submittedAt} (the customer's contact) is kept when it lies at most 30 s after and
 * at most an hour before the ticket's receipt (the defaults). Intake's clock stands still at a moment in the
 * past, so the bounds are met to the millisecond and moving it on never moves it beyond the system clock.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class ContactTimeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TopicClients.Reads(Topics.TICKETS_RECEIVED)
    private TopicReader received;

    private Instant now;

    @BeforeEach
    void stopIntakesClock() {
        now = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
        TestClock.CLOCK.set(now);
    }

    @AfterEach
    void letItRun() {
        TestClock.CLOCK.followSystemClock();
    }

    @Test
    void aContactExactlyAnHourAgoIsPublishedAndShownWithTheTicket() {
        Instant contact = now.minus(Duration.ofHours(1));
        Map<String, Object> call = validTicket("BUSINESS");
        call.put("submittedAt", contact.toString());

        String ticketId = submit(PHONE_KEY, call);

        TicketReceived event = received.awaitEvent(EventType.TICKET_RECEIVED, ticketId, WAIT);
        assertThat(event.submittedAt()).isEqualTo(contact);
        assertThat(event.receivedAt()).isEqualTo(now);
        assertThat(event.clockStartsAt()).isEqualTo(contact);
        asAgent().get(TICKETS + "/" + ticketId).then().statusCode(200)
                .body("submittedAt", equalTo(contact.toString()))
                .body("receivedAt", equalTo(now.toString()));
    }

    @Test
    void withoutAContactTimeTheClockStartsAtReceipt() {
        String ticketId = submit(WEB_KEY, validTicket("PRO"));

        TicketReceived event = received.awaitEvent(EventType.TICKET_RECEIVED, ticketId, WAIT);
        assertThat(event.submittedAt()).isNull();
        assertThat(event.clockStartsAt()).isEqualTo(now);
        asAgent().get(TICKETS + "/" + ticketId).then().statusCode(200).body("submittedAt", nullValue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a millisecond more than an hour ago, -3600001, is too old",
            "a millisecond beyond the skew ahead, 30001, is in the future"})
    void aContactTimeOutOfBoundsIsRefusedNamingSubmittedAtAndNothingIsKept(String name, long offsetMillis,
                                                                         String message) {
        Map<String, Object> ticket = validTicket("PRO");
        ticket.put("submittedAt", now.plusMillis(offsetMillis).toString());

        post(WEB_KEY, ticket).statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("submittedAt"))
                .body("errors[0].message", containsString(message));

        assertNothingPublishedBefore(received);
        String ticketId = DeterministicIds.ticketId(Channel.WEB, (String) ticket.get("externalRef"));
        asAgent().get(TICKETS + "/" + ticketId).then().statusCode(404);
        ticket.put("submittedAt", now.plusSeconds(30).toString());
        assertThat(submit(WEB_KEY, ticket)).as("the key is still free: nothing of the refused ticket was stored")
                .isEqualTo(ticketId);
    }

    @Test
    void aRetryOfAnAcceptedTicketGetsItEvenWhenItsContactTimeHasSinceGrownTooOld() {
        Map<String, Object> chat = validTicket("PRO");
        chat.put("submittedAt", now.minus(Duration.ofMinutes(50)).toString());
        String ticketId = submit(WEB_KEY, chat);
        TestClock.CLOCK.advance(Duration.ofHours(2));

        post(WEB_KEY, chat).statusCode(202).body("ticketId", equalTo(ticketId));
        chat.put("submittedAt", now.minus(Duration.ofMinutes(49)).toString());
        post(WEB_KEY, chat).statusCode(409).contentType("application/problem+json");

        received.awaitRecord(EventType.TICKET_RECEIVED, ticketId, WAIT);
        String probeId = submit(WEB_KEY, validTicket("PRO"));
        received.awaitRecord(EventType.TICKET_RECEIVED, probeId, WAIT);
        assertThat(received.records()).as("the ticket once, then the probe: neither answer published anything")
                .extracting(ReceivedRecord::key).containsExactly(ticketId, probeId);
    }
}
