package io.supportflow.intake;

import static io.supportflow.intake.OtherServices.asAgent;
import static io.supportflow.intake.OtherServices.asOps;
import static io.supportflow.intake.TicketRequests.TICKETS;
import static io.supportflow.intake.TicketRequests.WEB_KEY;
import static io.supportflow.intake.TicketRequests.submit;
import static io.supportflow.intake.TicketRequests.validTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.EventType;
import io.supportflow.events.TicketReopened;
import io.supportflow.events.TicketResolved;
import io.supportflow.events.Topics;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;

/** Agents resolve and reopen tickets; each transition is one event on tickets.lifecycle. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class LifecycleTest {

    @TopicClients.Reads(Topics.TICKETS_LIFECYCLE)
    private TopicReader lifecycle;

    @Test
    void resolvingAndReopeningPublishEventsByTheAgentWithTheNote() {
        String ticketId = submit(WEB_KEY, validTicket("PRO"));

        asAgent().contentType("application/json").body("{\"note\":\"Fixed by restart\"}")
                .post(TICKETS + "/" + ticketId + "/resolve").then().statusCode(200).body("status", equalTo("RESOLVED"));
        asAgent().contentType("application/json").post(TICKETS + "/" + ticketId + "/reopen")
                .then().statusCode(200).body("status", equalTo("OPEN"));

        TicketResolved resolved = lifecycle.awaitEvent(EventType.TICKET_RESOLVED, ticketId, Duration.ofSeconds(10));
        assertThat(resolved.by()).isEqualTo("agent");
        assertThat(resolved.note()).isEqualTo("Fixed by restart");
        TicketReopened reopened = lifecycle.awaitEvent(EventType.TICKET_REOPENED, ticketId, Duration.ofSeconds(10));
        assertThat(reopened.note()).isNull();
        asAgent().get(TICKETS + "/" + ticketId).then().body("status", equalTo("OPEN"));
    }

    @Test
    void transitionsThatDoNotFitTheStatusAreConflicts() {
        String ticketId = submit(WEB_KEY, validTicket("PRO"));
        asAgent().contentType("application/json").post(TICKETS + "/" + ticketId + "/reopen")
                .then().statusCode(409).contentType("application/problem+json");
        asAgent().contentType("application/json").post(TICKETS + "/" + ticketId + "/resolve").then().statusCode(200);
        asAgent().contentType("application/json").post(TICKETS + "/" + ticketId + "/resolve")
                .then().statusCode(409).contentType("application/problem+json");

        lifecycle.awaitRecord(EventType.TICKET_RESOLVED, ticketId, Duration.ofSeconds(10));
        assertThat(lifecycle.records(r -> ticketId.equals(r.key()))).hasSize(1);
    }

    @Test
    void unknownTicketsAreNotFoundAndOnlyAgentsMayTransition() {
        asAgent().contentType("application/json").post(TICKETS + "/" + UUID.randomUUID() + "/resolve")
                .then().statusCode(404).contentType("application/problem+json");
        String ticketId = submit(WEB_KEY, validTicket("PRO"));
        asOps().contentType("application/json").post(TICKETS + "/" + ticketId + "/resolve").then().statusCode(403);
    }
}
