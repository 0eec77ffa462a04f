package io.supportflow.sla.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.supportflow.events.CustomerNotified;
import io.supportflow.events.NotificationFailed;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.Priority;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.PrioritySource;
import io.supportflow.events.TicketAcknowledged;
import io.supportflow.events.TicketReopened;
import io.supportflow.events.TicketResolved;

class TimelineLinesTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");
    private static final String TICKET = "7b0e4f0c-7c56-4b7e-9d61-1d7c1f0e2a10";

    @Test
    void lifecycleEventsNameWhoActedButNotTheirNote() {
        assertThat(TimelineLines.of(new TicketAcknowledged(TICKET, AT, "agent.alex", "agent.kim")))
                .contains(new TimelineEntry(AT, TimelineKind.ACKNOWLEDGED, "Acknowledged by agent.alex, assigned to agent.kim"));
        assertThat(TimelineLines.of(new TicketAcknowledged(TICKET, AT, "agent.alex", "agent.alex")).orElseThrow().summary())
                .isEqualTo("Acknowledged by agent.alex");
        assertThat(TimelineLines.of(new TicketResolved(TICKET, AT, "agent.alex", "Customer's secret: hunter2")))
                .contains(new TimelineEntry(AT, TimelineKind.RESOLVED, "Resolved by agent.alex"));
        assertThat(TimelineLines.of(new TicketReopened(TICKET, AT, null, "again")).orElseThrow().summary())
                .isEqualTo("Reopened by an unnamed agent");
    }

    @Test
    void everyKindOfMessageSaysWhereItWent() {
        for (NotificationKind kind : NotificationKind.values()) {
            TimelineEntry sent = TimelineLines.of(new CustomerNotified(TICKET, kind, "ops@example.com", "<m@x>", AT))
                    .orElseThrow();
            assertThat(sent.kind()).isEqualTo(TimelineKind.NOTIFIED);
            assertThat(sent.summary()).endsWith(" sent to ops@example.com").doesNotContain(kind.name());
        }
        assertThat(TimelineLines.of(new CustomerNotified(TICKET, NotificationKind.TICKET_LOGGED, "ada@example.com",
                "<m@x>", AT)).orElseThrow().summary()).isEqualTo("\"Ticket logged\" message sent to ada@example.com");
    }

    @Test
    void aFailedMessageKeepsTheFirstLineOfItsErrorShortened() {
        String error = "550 5.1.1 mailbox unavailable " + "x".repeat(200) + "\nat org.example.Smtp.send(Smtp.java:42)";

        TimelineEntry failed = TimelineLines.of(new NotificationFailed(TICKET, NotificationKind.ON_CALL_PAGE,
                "pager", 5, error, AT)).orElseThrow();

        assertThat(failed.kind()).isEqualTo(TimelineKind.NOTIFICATION_FAILED);
        assertThat(failed.summary()).startsWith("On-call page to pager given up after 5 attempts: 550 5.1.1 mailbox")
                .endsWith("…").doesNotContain("Smtp.java");
        assertThat(failed.summary().length()).isLessThanOrEqualTo(TimelineLines.MAX_LENGTH);
        assertThat(TimelineLines.of(new NotificationFailed(TICKET, NotificationKind.SURVEY, "ada@example.com", 1, null,
                AT)).orElseThrow().summary()).isEqualTo("Survey invitation to ada@example.com given up after 1 attempt");
    }

    @Test
    void valuesBecomeOneLineOfBoundedPlainText() {
        String name = "agent\r\nInjected: line\u001B[31m" + "y".repeat(400) + "\uD83D\uDE00";

        String summary = TimelineLines.of(new TicketResolved(TICKET, AT, name, null)).orElseThrow().summary();

        assertThat(summary).startsWith("Resolved by agent Injected: line [31m").doesNotContain("\n", "\r", "\u001B");
        assertThat(summary).hasSize(TimelineLines.MAX_LENGTH).endsWith("…");
        assertThat(TimelineLines.line("a".repeat(298) + "\uD83D\uDE00b")).isEqualTo("a".repeat(298) + "…");
    }

    @Test
    void otherEventsHaveNoLine() {
        assertThat(TimelineLines.of(new PriorityAssigned(TICKET, Priority.P1, null, PrioritySource.RULES, "r", "v",
                null, AT))).isEmpty();
    }
}
