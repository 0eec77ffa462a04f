package io.supportflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.EventType;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.Recipient;
import io.supportflow.events.SlaEscalated;
import io.supportflow.sla.service.SlaClocks;
import io.supportflow.testing.StoredRows;
import io.supportflow.testing.SupportFlowTestResource;
import jakarta.inject.Inject;

/**
 * The shipped ladder (application.properties): level 0 pages on-call at a P1's handling warning, level 1 tells the
 * support leads at a handling breach and level 2 the head of support 30 minutes later, level 3 the leads 15 minutes
 * after a response breach; each only while nobody has taken the ticket up, and outside P1 at the next opening.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class EscalationFlowTest extends SlaTestBase {

    private static final Recipient LEADS = Recipient.email("support-leads@supportflow.example");
    private static final Recipient HEAD = Recipient.email("head-of-support@supportflow.example");

    @Inject
    SlaClocks clocks;

    @Test
    void aP1ClimbsTheLadderLevelByLevelAndEachLevelFiresOnce() {
        ZonedDateTime night = CalendarApi.next(DayOfWeek.SUNDAY, LocalTime.of(2, 0), CalendarApi.BERLIN, start);
        setClock(night.toInstant());
        Tickets ticket = Tickets.newTicket();
        publish(ticket.received(Plan.PRO, night.toInstant()), ticket.assigned(Priority.P1, night.toInstant()),
                ticket.logged(night.plusSeconds(2).toInstant()));
        sla.awaitEvent(EventType.HANDLING_SCHEDULED, ticket.ticketId(), SOON);

        setClock(night.plusMinutes(22).plusSeconds(30).toInstant());
        SlaEscalated first = awaitLevels(ticket, 1).get(0);
        assertThat(first.trigger()).isEqualTo(EscalationTrigger.HANDLING_WARNING);
        assertThat(first.at()).isEqualTo(night.plusMinutes(22).plusSeconds(30).toInstant());
        assertThat(first.recipients()).isNotEmpty().doesNotContain(LEADS, HEAD);

        setClock(night.plusMinutes(30).toInstant());
        SlaEscalated second = awaitLevels(ticket, 2).get(1);
        assertThat(second.level()).isEqualTo(2);
        assertThat(second.trigger()).isEqualTo(EscalationTrigger.HANDLING_BREACH);
        assertThat(second.recipients()).containsExactly(LEADS);

        setClock(night.plusMinutes(59).toInstant());
        scanUntilNothingIsDue();
        assertThat(firedLevels(ticket)).isEqualTo(2);

        setClock(night.plusMinutes(60).toInstant());
        SlaEscalated third = awaitLevels(ticket, 3).get(2);
        assertThat(third.level()).isEqualTo(3);
        assertThat(third.recipients()).containsExactly(HEAD);
        assertThat(third.at()).isEqualTo(night.plusMinutes(60).toInstant());
    }

    @Test
    void belowP1ALevelWaitsForTheRecipientsScheduleToOpen() {
        ZonedDateTime friday = CalendarApi.next(DayOfWeek.FRIDAY, LocalTime.of(8, 0), CalendarApi.BERLIN, start);
        setClock(friday.toInstant());
        Tickets ticket = Tickets.newTicket();
        publish(ticket.received(Plan.PRO, friday.toInstant()), ticket.assigned(Priority.P3, friday.toInstant()),
                ticket.logged(friday.plusSeconds(2).toInstant()));

        setClock(friday.with(LocalTime.of(18, 0)).toInstant());
        sla.awaitEvent(EventType.HANDLING_BREACHED, ticket.ticketId(), SOON);
        setClock(friday.plusDays(3).with(LocalTime.of(7, 59)).toInstant());
        scanUntilNothingIsDue();
        assertThat(firedLevels(ticket)).isZero();

        ZonedDateTime opening = friday.plusDays(3);
        setClock(opening.toInstant());
        List<SlaEscalated> levels = awaitLevels(ticket, 2);
        assertThat(levels).extracting(SlaEscalated::at).containsOnly(opening.toInstant());
        assertThat(levels).extracting(SlaEscalated::recipients).containsExactly(List.of(LEADS), List.of(HEAD));
    }

    @Test
    void scannersRacingOverTheSameClocksFireEveryLevelOnce() {
        ZonedDateTime night = CalendarApi.next(DayOfWeek.SATURDAY, LocalTime.of(1, 0), CalendarApi.BERLIN, start);
        setClock(night.toInstant());
        List<Tickets> tickets = IntStream.range(0, 40).mapToObj(i -> Tickets.newTicket()).toList();
        for (Tickets ticket : tickets) {
            publish(ticket.received(Plan.PRO, night.toInstant()), ticket.assigned(Priority.P1, night.toInstant()),
                    ticket.logged(night.plusSeconds(1).toInstant()));
        }
        Awaitility.await("every ticket scheduled").atMost(Duration.ofSeconds(30)).until(() -> tickets.stream()
                .allMatch(t -> !sla.events(EventType.HANDLING_SCHEDULED, t.ticketId()).isEmpty()));

        setClock(night.plusHours(2).toInstant());
        CompletableFuture.allOf(CompletableFuture.runAsync(this::scanUntilNothingIsDue),
                CompletableFuture.runAsync(this::scanUntilNothingIsDue)).join();

        for (Tickets ticket : tickets) {
            assertThat(awaitLevels(ticket, 3)).extracting(SlaEscalated::level).containsExactly(1, 2, 3);
            assertThat(firedLevels(ticket)).isEqualTo(3);
        }
    }

    @Test
    void aRetractedBreachCancelsTheLevelItWouldHaveTriggered() {
        ZonedDateTime night = CalendarApi.next(DayOfWeek.SUNDAY, LocalTime.of(4, 0), CalendarApi.BERLIN, start);
        setClock(night.toInstant());
        Tickets ticket = Tickets.newTicket();
        publish(ticket.received(Plan.PRO, night.toInstant()), ticket.assigned(Priority.P1, night.toInstant()));
        sla.awaitEvent(EventType.HANDLING_SCHEDULED, ticket.ticketId(), SOON);

        setClock(night.plusMinutes(61).toInstant());
        sla.awaitEvent(EventType.SLA_BREACHED, ticket.ticketId(), SOON);
        awaitLevels(ticket, 3);
        // The "ticket logged" message had gone out in time, but was consumed late.
        publish(ticket.logged(night.plusMinutes(59).toInstant()));
        sla.awaitEvent(EventType.SLA_BREACH_RETRACTED, ticket.ticketId(), SOON);

        setClock(night.plusMinutes(80).toInstant());
        scanUntilNothingIsDue();
        assertThat(firedLevels(ticket)).isEqualTo(3);
        assertThat(escalations(ticket)).extracting(SlaEscalated::trigger)
                .doesNotContain(EscalationTrigger.RESPONSE_BREACH);
    }

    @Test
    void aTicketTakenUpBeforeItsLevelsFireIsNeverEscalated() {
        ZonedDateTime night = CalendarApi.next(DayOfWeek.SUNDAY, LocalTime.of(5, 0), CalendarApi.BERLIN, start);
        setClock(night.toInstant());
        Tickets ticket = Tickets.newTicket();
        publish(ticket.received(Plan.PRO, night.toInstant()), ticket.assigned(Priority.P1, night.toInstant()),
                ticket.logged(night.plusSeconds(2).toInstant()));
        sla.awaitEvent(EventType.HANDLING_SCHEDULED, ticket.ticketId(), SOON);
        publishAndAwait(ticket.acknowledged(night.plusMinutes(5).toInstant()));

        setClock(night.plusHours(3).toInstant());
        sla.awaitEvent(EventType.HANDLING_MET, ticket.ticketId(), SOON);
        scanUntilNothingIsDue();
        assertThat(firedLevels(ticket)).isZero();
    }

    private List<SlaEscalated> awaitLevels(Tickets ticket, int levels) {
        return Awaitility.await(levels + " levels escalated").atMost(SOON)
                .until(() -> escalations(ticket), found -> found.size() >= levels);
    }

    private List<SlaEscalated> escalations(Tickets ticket) {
        return sla.events(EventType.SLA_ESCALATED, ticket.ticketId());
    }

    /** The levels fired for the ticket as committed, before the relay has published any of them. */
    private long firedLevels(Tickets ticket) {
        return StoredRows.countAmong(dataSource, "SELECT count(*) FROM sla_escalation WHERE ticket_id = ANY (?)",
                List.of(ticket.ticketId()));
    }

    /** Scans until a round finds nothing due; a bound keeps a scanner that never runs dry from hanging the test. */
    private void scanUntilNothingIsDue() {
        for (int round = 0; clocks.scanDue(10) > 0; round++) {
            assertThat(round).as("scan rounds before nothing is due").isLessThan(1000);
        }
    }
}
