package io.supportflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.EventType;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.SlaBreachRetracted;
import io.supportflow.events.SlaBreached;
import io.supportflow.events.SlaMet;
import io.supportflow.events.SlaWarning;
import io.supportflow.testing.SupportFlowTestResource;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class ResponseClockFlowTest extends SlaTestBase {

    @Test
    void aTicketLoggedBeforeItsTargetIsMetAgainstTheAssignedPriority() {
        Tickets ticket = Tickets.newTicket();
        setClock(start.plus(Duration.ofMinutes(31)));
        publish(ticket.received(Plan.PRO, start), ticket.assigned(Priority.P2, start.plusSeconds(5)),
                ticket.logged(start.plus(Duration.ofMinutes(30))));

        SlaMet met = sla.awaitEvent(EventType.SLA_MET, ticket.ticketId(), SOON);
        assertThat(met.priority()).isEqualTo(Priority.P2);
        assertThat(met.target()).isEqualTo(Duration.ofHours(4));
        assertThat(met.dueAt()).isEqualTo(start.plus(Duration.ofHours(4)));
        assertThat(met.at()).isEqualTo(start.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aClockWarnsAtThreeQuartersOfItsTargetAndBreachesWhenItRunsOut() {
        Tickets ticket = Tickets.newTicket();
        publishAndAwait(ticket.received(Plan.BUSINESS, start));
        publishAndAwait(ticket.assigned(Priority.P1, start.plusSeconds(5)));

        setClock(start.plus(Duration.ofMinutes(45)));
        SlaWarning warning = sla.awaitEvent(EventType.SLA_WARNING, ticket.ticketId(), SOON);
        assertThat(warning.at()).isEqualTo(start.plus(Duration.ofMinutes(45)));
        assertThat(sla.events(EventType.SLA_BREACHED, ticket.ticketId())).isEmpty();

        setClock(start.plus(Duration.ofHours(1)));
        SlaBreached breach = sla.awaitEvent(EventType.SLA_BREACHED, ticket.ticketId(), SOON);
        assertThat(breach.reference()).isEqualTo(ticket.reference());
        assertThat(breach.priority()).isEqualTo(Priority.P1);
        assertThat(breach.dueAt()).isEqualTo(start.plus(Duration.ofHours(1)));
        assertThat(sla.events(EventType.SLA_WARNING, ticket.ticketId())).hasSize(1);
    }

    @Test
    void aLateUpgradeToP1BreachesAtOnceCountingFromReceipt() {
        Tickets ticket = Tickets.newTicket();
        publishAndAwait(ticket.received(Plan.ENTERPRISE, start));
        publishAndAwait(ticket.assigned(Priority.P3, start.plusSeconds(5)));
        setClock(start.plus(Duration.ofHours(2)));

        publish(ticket.assigned(Priority.P1, start.plus(Duration.ofHours(2))));

        SlaBreached breach = sla.awaitEvent(EventType.SLA_BREACHED, ticket.ticketId(), SOON);
        assertThat(breach.priority()).isEqualTo(Priority.P1);
        assertThat(breach.dueAt()).isEqualTo(start.plus(Duration.ofHours(1)));
    }

    @Test
    void aNotificationConsumedBeforeItsTicketStillStopsTheClock() {
        Tickets ticket = Tickets.newTicket();
        setClock(start.plus(Duration.ofHours(3)));
        publishAndAwait(ticket.logged(start.plus(Duration.ofMinutes(50))));
        publishAndAwait(ticket.assigned(Priority.P1, start.plusSeconds(5)));
        assertThat(sla.records()).noneMatch(r -> ticket.ticketId().equals(r.key()));

        publish(ticket.received(Plan.PRO, start));

        SlaMet met = sla.awaitEvent(EventType.SLA_MET, ticket.ticketId(), SOON);
        assertThat(met.priority()).isEqualTo(Priority.P1);
        assertThat(met.receivedAt()).isEqualTo(start);
    }

    @Test
    void aPriorityDecidedBeforeTheResponseButConsumedAfterItStillSetsTheTarget() {
        Tickets ticket = Tickets.newTicket();
        setClock(start.plus(Duration.ofHours(3)));
        publishAndAwait(ticket.received(Plan.PRO, start));
        publishAndAwait(ticket.logged(start.plus(Duration.ofHours(2))));
        assertThat(sla.events(EventType.SLA_MET, ticket.ticketId())).isEmpty();

        publish(ticket.assigned(Priority.P1, start.plusSeconds(5)));

        SlaBreached breach = sla.awaitEvent(EventType.SLA_BREACHED, ticket.ticketId(), SOON);
        assertThat(breach.dueAt()).isEqualTo(start.plus(Duration.ofHours(1)));
        assertThat(sla.events(EventType.SLA_MET, ticket.ticketId())).isEmpty();
    }

    @Test
    void aReprioritisationAfterTheResponseDoesNotChangeTheOutcome() {
        Tickets ticket = Tickets.newTicket();
        setClock(start.plus(Duration.ofHours(3)));
        publish(ticket.received(Plan.PRO, start), ticket.assigned(Priority.P3, start.plusSeconds(5)),
                ticket.logged(start.plus(Duration.ofHours(2))));
        sla.awaitEvent(EventType.SLA_MET, ticket.ticketId(), SOON);

        publishAndAwait(ticket.assigned(Priority.P1, start.plus(Duration.ofHours(3))));
        setClock(start.plus(Duration.ofHours(30)));
        Tickets probe = Tickets.newTicket();
        publishAndAwait(probe.received(Plan.PRO, start));
        sla.awaitEvent(EventType.SLA_BREACHED, probe.ticketId(), SOON);

        assertThat(sla.events(EventType.SLA_BREACHED, ticket.ticketId())).isEmpty();
    }

    @Test
    void aBreachRaisedWhileAnInTimeResponseWasInFlightIsRetracted() {
        Tickets ticket = Tickets.newTicket();
        publishAndAwait(ticket.received(Plan.API, start));
        publishAndAwait(ticket.assigned(Priority.P1, start.plusSeconds(5)));
        setClock(start.plus(Duration.ofMinutes(70)));
        sla.awaitEvent(EventType.SLA_BREACHED, ticket.ticketId(), SOON);

        publish(ticket.logged(start.plus(Duration.ofMinutes(55))));

        SlaBreachRetracted retraction = sla.awaitEvent(EventType.SLA_BREACH_RETRACTED, ticket.ticketId(), SOON);
        assertThat(retraction.dueAt()).isEqualTo(start.plus(Duration.ofHours(1)));
        SlaMet met = sla.awaitEvent(EventType.SLA_MET, ticket.ticketId(), SOON);
        assertThat(met.at()).isEqualTo(start.plus(Duration.ofMinutes(55)));
    }

    @Test
    void redeliveredEventsPublishNoSecondVerdict() {
        Tickets ticket = Tickets.newTicket();
        setClock(start.plus(Duration.ofHours(2)));
        EventEnvelope received = ticket.received(Plan.FREE, start);
        EventEnvelope assigned = ticket.assigned(Priority.P2, start.plusSeconds(5));
        EventEnvelope logged = ticket.logged(start.plus(Duration.ofHours(1)));
        publish(received, assigned, logged);
        sla.awaitEvent(EventType.SLA_MET, ticket.ticketId(), SOON);

        publish(received, assigned, logged);
        EventEnvelope laterOnSameTopic = ticket.logged(start.plus(Duration.ofMinutes(90)));
        publishAndAwait(laterOnSameTopic);
        Tickets probe = Tickets.newTicket();
        publish(probe.received(Plan.FREE, start), probe.assigned(Priority.P2, start), probe.logged(start));
        sla.awaitEvent(EventType.SLA_MET, probe.ticketId(), SOON);

        assertThat(sla.records(r -> ticket.ticketId().equals(r.key()))).extracting(r -> r.header("ce_type"))
                .contains(EventType.SLA_MET.ceType()).doesNotHaveDuplicates();
    }
}
