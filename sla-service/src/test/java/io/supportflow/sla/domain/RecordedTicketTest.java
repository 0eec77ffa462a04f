package io.supportflow.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.supportflow.events.Plan;
import io.supportflow.events.Priority;

class RecordedTicketTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Period DAY = new Period(T0, T0.plus(Duration.ofDays(1)));

    @Test
    void eventsReadInAnyOrderGiveThePriorityInForceWhenTheCustomerWasFirstTold() {
        RecordedTicket ticket = new RecordedTicket();
        ticket.logged(T0.plusSeconds(900));
        ticket.decided(new PriorityChange(PriorityChange.Kind.ASSIGNED, Priority.P1, T0.plusSeconds(1200)));
        ticket.received(Plan.PRO, T0);
        ticket.decided(new PriorityChange(PriorityChange.Kind.ASSIGNED, Priority.P3, T0.plusSeconds(5)));
        ticket.logged(T0.plusSeconds(600));

        assertThat(ticket.receivedIn(DAY)).isTrue();
        assertThat(ticket.history(Priority.P4)).isEqualTo(new ClockHistory(Plan.PRO, Priority.P3, T0,
                T0.plusSeconds(600)));
    }

    @Test
    void aTicketWithoutItsReceiptOrReceivedOutsideThePeriodIsNotInIt() {
        RecordedTicket withoutReceipt = new RecordedTicket();
        withoutReceipt.logged(T0);
        RecordedTicket earlier = new RecordedTicket();
        earlier.received(Plan.FREE, T0.minusSeconds(1));

        assertThat(withoutReceipt.receivedIn(DAY)).isFalse();
        assertThat(earlier.receivedIn(DAY)).isFalse();
    }

    @Test
    void withoutAnyDecisionTheClockRunsOnTheDefaultPriority() {
        RecordedTicket ticket = new RecordedTicket();
        ticket.received(Plan.FREE, T0);

        assertThat(ticket.history(Priority.P3).priority()).isEqualTo(Priority.P3);
        assertThat(ticket.history(Priority.P3).loggedAt()).isNull();
    }
}
