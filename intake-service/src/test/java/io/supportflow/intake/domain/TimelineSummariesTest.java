package io.supportflow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.supportflow.events.Channel;
import io.supportflow.events.Customer;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TriageReviewRequested;

/** What agents read in a ticket's timeline about its receipt and a pending review. */
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
}
