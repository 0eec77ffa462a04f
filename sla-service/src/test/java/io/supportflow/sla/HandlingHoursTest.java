package io.supportflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.EventType;
import io.supportflow.events.HandlingBreachRetracted;
import io.supportflow.events.HandlingBreached;
import io.supportflow.events.HandlingMet;
import io.supportflow.events.HandlingMode;
import io.supportflow.events.HandlingScheduled;
import io.supportflow.events.HandlingWarning;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.Recipient;
import io.supportflow.testing.SupportFlowTestResource;

/**
 * Handling hours on the real stack with a moved clock: the default schedule (Europe/Berlin, Monday to Friday 08:00 to
 * 18:00) decides when P3/P4 tickets are handled, P1 is handled and paged at once, P2 outside hours pages where the plan
 * has extended cover (PRO) and waits for the opening where it has not (FREE).
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class HandlingHoursTest extends SlaTestBase {

    @Test
    void aP3ArrivingFridayAt1759IsHandledFromMondayAt0800CountingOnlyBusinessHours() {
        ZonedDateTime friday = CalendarApi.next(DayOfWeek.FRIDAY, LocalTime.of(17, 59), CalendarApi.BERLIN, start);
        ZonedDateTime monday = friday.plusDays(3).with(LocalTime.of(8, 0));
        Instant arrival = friday.toInstant();
        setClock(arrival);
        Tickets ticket = Tickets.newTicket();
        publish(ticket.received(Plan.PRO, arrival), ticket.assigned(Priority.P3, arrival.plusSeconds(1)));

        HandlingScheduled scheduled = sla.awaitEvent(EventType.HANDLING_SCHEDULED, ticket.ticketId(), SOON);
        assertThat(scheduled.mode()).isEqualTo(HandlingMode.BUSINESS_HOURS);
        assertThat(scheduled.scheduleId()).isEqualTo("default");
        assertThat(scheduled.handleFrom()).isEqualTo(monday.toInstant());
        assertThat(scheduled.target()).isEqualTo(Duration.ofHours(10));
        assertThat(scheduled.dueAt()).isEqualTo(monday.with(LocalTime.of(18, 0)).toInstant());
        assertThat(scheduled.paged()).isEmpty();

        setClock(monday.with(LocalTime.of(15, 30)).toInstant());
        HandlingWarning warning = sla.awaitEvent(EventType.HANDLING_WARNING, ticket.ticketId(), SOON);
        assertThat(warning.at()).isEqualTo(monday.with(LocalTime.of(15, 30)).toInstant());

        setClock(monday.with(LocalTime.of(18, 0)).toInstant());
        HandlingBreached breach = sla.awaitEvent(EventType.HANDLING_BREACHED, ticket.ticketId(), SOON);
        assertThat(breach.breachedAt()).isEqualTo(scheduled.dueAt());
        assertThat(breach.reference()).isEqualTo(ticket.reference());
    }

    @Test
    void aP1AtThreeInTheMorningIsHandledAtOnceAndPagesWhoeverIsOnCall() {
        ZonedDateTime night = CalendarApi.next(DayOfWeek.WEDNESDAY, LocalTime.of(3, 0), CalendarApi.BERLIN, start);
        Instant handover = night.minusHours(30).toInstant();
        CalendarApi.putRotation("default", """
                {"handoverAt": "%s", "shift": "PT24H", "members": [
                  {"name": "Kim", "email": "kim@supportflow.example"},
                  {"name": "Alex", "email": "alex@supportflow.example"}], "webhooks": ["pager"]}
                """.formatted(handover));
        setClock(night.toInstant());
        Tickets ticket = Tickets.newTicket();
        publish(ticket.received(Plan.PRO, night.toInstant()), ticket.assigned(Priority.P1, night.toInstant()));

        HandlingScheduled scheduled = sla.awaitEvent(EventType.HANDLING_SCHEDULED, ticket.ticketId(), SOON);
        assertThat(scheduled.mode()).isEqualTo(HandlingMode.ROUND_THE_CLOCK);
        assertThat(scheduled.handleFrom()).isEqualTo(night.toInstant());
        assertThat(scheduled.dueAt()).isEqualTo(night.plusMinutes(30).toInstant());
        // 30 hours after the handover the second member's shift has begun.
        assertThat(scheduled.paged()).containsExactly(Recipient.email("alex@supportflow.example"),
                Recipient.webhook("pager"));
    }

    @Test
    void aP2OutsideHoursPagesWhereThePlanHasExtendedCoverAndWaitsForTheOpeningWhereNot() {
        ZonedDateTime evening = CalendarApi.next(DayOfWeek.TUESDAY, LocalTime.of(20, 0), CalendarApi.BERLIN, start);
        setClock(evening.toInstant());
        Tickets covered = Tickets.newTicket();
        Tickets uncovered = Tickets.newTicket();
        publish(covered.received(Plan.PRO, evening.toInstant()), covered.assigned(Priority.P2, evening.toInstant()),
                uncovered.received(Plan.FREE, evening.toInstant()),
                uncovered.assigned(Priority.P2, evening.toInstant()));

        HandlingScheduled extended = sla.awaitEvent(EventType.HANDLING_SCHEDULED, covered.ticketId(), SOON);
        assertThat(extended.mode()).isEqualTo(HandlingMode.BUSINESS_HOURS_EXTENDED);
        assertThat(extended.handleFrom()).isEqualTo(evening.toInstant());
        assertThat(extended.dueAt()).isEqualTo(evening.plusHours(2).toInstant());
        assertThat(extended.paged()).isNotEmpty();

        HandlingScheduled waiting = sla.awaitEvent(EventType.HANDLING_SCHEDULED, uncovered.ticketId(), SOON);
        ZonedDateTime opening = evening.plusDays(1).with(LocalTime.of(8, 0));
        assertThat(waiting.handleFrom()).isEqualTo(opening.toInstant());
        assertThat(waiting.dueAt()).isEqualTo(opening.plusHours(4).toInstant());
        assertThat(waiting.paged()).isEmpty();
    }

    @Test
    void aP1AlreadyTakenUpWhenItsPriorityIsConsumedPagesNobodyAndIsMet() {
        ZonedDateTime night = CalendarApi.next(DayOfWeek.THURSDAY, LocalTime.of(2, 0), CalendarApi.BERLIN, start);
        setClock(night.plusMinutes(5).toInstant());
        Tickets ticket = Tickets.newTicket();
        publishAndAwait(ticket.received(Plan.PRO, night.toInstant()));
        publishAndAwait(ticket.acknowledged(night.plusMinutes(3).toInstant()));
        publish(ticket.assigned(Priority.P1, night.plusSeconds(1).toInstant()));

        HandlingScheduled scheduled = sla.awaitEvent(EventType.HANDLING_SCHEDULED, ticket.ticketId(), SOON);
        assertThat(scheduled.priority()).isEqualTo(Priority.P1);
        assertThat(scheduled.paged()).isEmpty();
        assertThat(sla.<HandlingMet>awaitEvent(EventType.HANDLING_MET, ticket.ticketId(), SOON).takenUpAt())
                .isEqualTo(night.plusMinutes(3).toInstant());
    }

    @Test
    void anUpgradeToP1ReschedulesTheTicketAndPagesAtOnce() {
        ZonedDateTime morning = CalendarApi.next(DayOfWeek.THURSDAY, LocalTime.of(9, 0), CalendarApi.BERLIN, start);
        setClock(morning.toInstant());
        Tickets ticket = Tickets.newTicket();
        publishAndAwait(ticket.received(Plan.BUSINESS, morning.toInstant()));
        publishAndAwait(ticket.assigned(Priority.P3, morning.toInstant()));
        setClock(morning.plusMinutes(10).toInstant());
        publish(ticket.agentDecided(Priority.P1, morning.plusMinutes(10).toInstant()));

        var schedules = org.awaitility.Awaitility.await().atMost(SOON).until(
                () -> sla.<HandlingScheduled>events(EventType.HANDLING_SCHEDULED, ticket.ticketId()),
                found -> found.size() == 2);
        assertThat(schedules.get(0).priority()).isEqualTo(Priority.P3);
        assertThat(schedules.get(0).paged()).isEmpty();
        assertThat(schedules.get(1).priority()).isEqualTo(Priority.P1);
        assertThat(schedules.get(1).mode()).isEqualTo(HandlingMode.ROUND_THE_CLOCK);
        assertThat(schedules.get(1).dueAt()).isEqualTo(morning.plusMinutes(30).toInstant());
        assertThat(schedules.get(1).paged()).isNotEmpty();
    }

    @Test
    void anAcknowledgementInTimeIsMetAndOneConsumedAfterTheBreachRetractsIt() {
        ZonedDateTime morning = CalendarApi.next(DayOfWeek.MONDAY, LocalTime.of(10, 0), CalendarApi.BERLIN, start);
        setClock(morning.toInstant());
        Tickets prompt = Tickets.newTicket();
        Tickets late = Tickets.newTicket();
        publish(prompt.received(Plan.PRO, morning.toInstant()), prompt.assigned(Priority.P1, morning.toInstant()),
                late.received(Plan.PRO, morning.toInstant()), late.assigned(Priority.P1, morning.toInstant()));
        publish(prompt.acknowledged(morning.plusMinutes(10).toInstant()));

        HandlingMet met = sla.awaitEvent(EventType.HANDLING_MET, prompt.ticketId(), SOON);
        assertThat(met.takenUpAt()).isEqualTo(morning.plusMinutes(10).toInstant());

        setClock(morning.plusMinutes(31).toInstant());
        sla.awaitEvent(EventType.HANDLING_BREACHED, late.ticketId(), SOON);
        publish(late.resolved(morning.plusMinutes(29).toInstant()));
        HandlingBreachRetracted retraction = sla.awaitEvent(EventType.HANDLING_BREACH_RETRACTED, late.ticketId(), SOON);
        assertThat(retraction.dueAt()).isEqualTo(morning.plusMinutes(30).toInstant());
        assertThat(sla.<HandlingMet>awaitEvent(EventType.HANDLING_MET, late.ticketId(), SOON).takenUpAt())
                .isEqualTo(morning.plusMinutes(29).toInstant());
        assertThat(sla.events(EventType.HANDLING_BREACHED, prompt.ticketId())).isEmpty();

        CalendarRequests.ops().queryParam("from", morning.toInstant().toString())
                .queryParam("to", morning.plusSeconds(1).toInstant().toString()).get("/api/v1/sla/report")
                .then().statusCode(200)
                .body("handling", hasSize(1))
                .body("handling[0].plan", equalTo("PRO"))
                .body("handling[0].priority", equalTo("P1"))
                .body("handling[0].tickets", equalTo(2))
                .body("handling[0].met", equalTo(2))
                .body("handling[0].compliancePercent", equalTo(100.0f));
    }
}
