package io.supportflow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.supportflow.events.Channel;
import io.supportflow.events.Customer;
import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.HandlingBreachRetracted;
import io.supportflow.events.HandlingMet;
import io.supportflow.events.HandlingMode;
import io.supportflow.events.HandlingScheduled;
import io.supportflow.events.HandlingWarning;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.Recipient;
import io.supportflow.events.SlaEscalated;
import io.supportflow.events.TicketAcknowledged;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TriageReviewRequested;

/** What agents read in a ticket's timeline about its receipt, a pending review, its take-up and handling clock. */
class TimelineSummariesTest {

    private static final String ID = "6a1f0c9e-0000-5000-8000-000000000002";
    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aReviewRequestSaysThePriorityIsProvisionalUntilAnAgentConfirmsItAndWhatTheClockRunsOn() {
        assertThat(TimelineSummaries.describe(new TriageReviewRequested(ID, Priority.P3, "outage words, low impact", AT,
                Priority.P1)))
                .isEqualTo("Triage review requested (outage words, low impact): provisional P3 until an agent "
                        + "confirms it; the response clock runs on P1 meanwhile");
    }

    @Test
    void aReviewRequestWhoseClockRunsOnTheProvisionalPriorityDoesNotRepeatIt() {
        assertThat(TimelineSummaries.describe(new TriageReviewRequested(ID, Priority.P2, null, AT)))
                .isEqualTo("Triage review requested: provisional P2 until an agent confirms it");
    }

    @Test
    void aReceiptNamesTheCustomersContactTimeWhenTheAdapterReportedIt() {
        Customer customer = new Customer("ACME-7", "Ada", "ada@example.com", "en");
        TicketReceived withContact = new TicketReceived(ID, "SF-ABCDEFGH", Channel.PHONE, "call-1", Plan.BUSINESS,
                customer, "Down", "Nothing works", null, null, null, AT, AT.minusSeconds(900));
        TicketReceived without = new TicketReceived(ID, "SF-ABCDEFGH", Channel.WEB, "form-1", Plan.BUSINESS,
                customer, "Down", "Nothing works", null, null, null, AT);

        assertThat(TimelineSummaries.describe(withContact))
                .isEqualTo("Received via PHONE (BUSINESS plan), customer's contact at 2026-11-25T09:45:00Z");
        assertThat(TimelineSummaries.describe(without)).isEqualTo("Received via WEB (BUSINESS plan)");
    }

    @Test
    void anAcknowledgementNamesTheAgentAndTheAssigneeIfAny() {
        assertThat(TimelineSummaries.describe(new TicketAcknowledged(ID, AT, "agent", "agent.kim")))
                .isEqualTo("Acknowledged by agent, assigned to agent.kim");
        assertThat(TimelineSummaries.describe(new TicketAcknowledged(ID, AT, "agent", null)))
                .isEqualTo("Acknowledged by agent");
    }

    @Test
    void aHandlingScheduleSaysFromWhenUnderWhichModeAndWhoWasPaged() {
        Instant monday = Instant.parse("2026-11-30T07:00:00Z");
        assertThat(TimelineSummaries.describe(new HandlingScheduled(ID, "SF-ABCDEFGH", Plan.PRO, Priority.P3,
                HandlingMode.BUSINESS_HOURS, "default", monday, Duration.ofHours(10), monday.plusSeconds(86400),
                List.of(), AT)))
                .isEqualTo("Handling target PT10H (P3, business hours, schedule default) from 2026-11-30T07:00:00Z, "
                        + "due 2026-12-01T07:00:00Z");
        assertThat(TimelineSummaries.describe(new HandlingScheduled(ID, "SF-ABCDEFGH", Plan.ENTERPRISE, Priority.P1,
                HandlingMode.ROUND_THE_CLOCK, "default", AT, Duration.ofMinutes(30), AT.plusSeconds(1800),
                List.of(Recipient.email("oncall@example.com"), Recipient.webhook("pager")), AT)))
                .isEqualTo("Handling target PT30M (P1, around the clock, schedule default) from 2026-11-25T10:00:00Z, "
                        + "due 2026-11-25T10:30:00Z; paged oncall@example.com, webhook pager");
    }

    @Test
    void theHandlingClocksOutcomesAndAnEscalationReadAsSentences() {
        Instant due = AT.plusSeconds(1800);
        Duration target = Duration.ofMinutes(30);
        HandlingMode mode = HandlingMode.ROUND_THE_CLOCK;
        assertThat(TimelineSummaries.describe(new HandlingWarning(ID, Plan.PRO, Priority.P1, mode, "default", AT,
                target, due, AT.plusSeconds(1500))))
                .isEqualTo("Handling target PT30M (P1) nearly used up, due 2026-11-25T10:30:00Z");
        assertThat(TimelineSummaries.describe(new HandlingMet(ID, Plan.PRO, Priority.P1, mode, "default", AT, target,
                due, AT.plusSeconds(600))))
                .isEqualTo("Handling target PT30M (P1) met: taken up at 2026-11-25T10:10:00Z, due 2026-11-25T10:30:00Z");
        assertThat(TimelineSummaries.describe(new HandlingBreachRetracted(ID, Plan.PRO, Priority.P1, mode, "default",
                AT, target, due, due.plusSeconds(5))))
                .isEqualTo("Handling breach retracted: the ticket was taken up in time, due 2026-11-25T10:30:00Z");
        assertThat(TimelineSummaries.describe(new SlaEscalated(ID, "SF-ABCDEFGH", Plan.PRO, Priority.P1, 1,
                EscalationTrigger.RESPONSE_WARNING, List.of(Recipient.webhook("team-chat")), AT)))
                .isEqualTo("Escalated, level 1 (response warning), to webhook team-chat");
    }
}
