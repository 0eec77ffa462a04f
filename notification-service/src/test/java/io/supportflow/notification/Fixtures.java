package io.supportflow.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.supportflow.events.Channel;
import io.supportflow.events.Customer;
import io.supportflow.events.DeterministicIds;
import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.HandlingBreached;
import io.supportflow.events.HandlingMet;
import io.supportflow.events.HandlingMode;
import io.supportflow.events.HandlingScheduled;
import io.supportflow.events.Impact;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.PrioritySource;
import io.supportflow.events.Recipient;
import io.supportflow.events.SlaEscalated;
import io.supportflow.events.SlaBreached;
import io.supportflow.events.SupportEvent;
import io.supportflow.events.SurveyRequested;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TicketReference;
import io.supportflow.events.TriageReviewRequested;
import io.supportflow.events.Workaround;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.TopicWriter;

/** Events as the other services publish them, each for a fresh ticket and a recipient no other test uses. */
final class Fixtures {

    private static final AtomicReference<Instant> LAST_DECISION = new AtomicReference<>(Instant.EPOCH);
    /** 03:00 in Berlin. */
    static final Instant HANDLE_FROM = Instant.parse("2026-12-04T02:00:00Z");

    private Fixtures() {
    }

    static String newTicketId() {
        return DeterministicIds.ticketId(Channel.WEB, "form-" + UUID.randomUUID());
    }

    static String uniqueAddress(String name) {
        return name + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static EventEnvelope envelope(SupportEvent event, Instant time) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "/supportflow/test", time, event);
    }

    static EventEnvelope ticketReceived(String ticketId, Plan plan, String name, String email, String locale,
                                        String subject) {
        Instant receivedAt = Instant.now();
        TicketReceived event = new TicketReceived(ticketId, TicketReference.of(ticketId), Channel.WEB,
                "form-" + ticketId, plan, new Customer("ACME-7", name, email, locale), subject,
                "Since 9:00 every join fails.", null, Impact.SERVICE_DOWN, Workaround.NONE, receivedAt);
        return envelope(event, receivedAt);
    }

    static EventEnvelope priorityAssigned(String ticketId, Priority priority, Priority previous) {
        Instant at = Instant.now();
        return envelope(new PriorityAssigned(ticketId, priority, previous,
                previous == null ? PrioritySource.RULES : PrioritySource.AGENT, "service-down", "no workaround",
                previous == null ? null : "agent-1", at), at);
    }

    /** Triage could not decide: the provisional priority applies until an agent decides. */
    static EventEnvelope reviewRequested(String ticketId, Priority provisional) {
        Instant at = nextDecisionTime();
        return envelope(new TriageReviewRequested(ticketId, provisional, "too little to go on", at, Priority.P1), at);
    }

    /** An agent's decision, made now: each call is a decision of its own, later than the ones before. */
    static EventEnvelope agentDecided(String ticketId, Priority priority, Priority previous) {
        Instant at = nextDecisionTime();
        return envelope(new PriorityAssigned(ticketId, priority, previous, PrioritySource.AGENT, "agent",
                "checked with the customer", "agent-7", at), at);
    }

    /** Now, but later than any decision before: two within the clock's resolution would look like a redelivery. */
    private static Instant nextDecisionTime() {
        return LAST_DECISION.updateAndGet(last -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
        });
    }

    /** The same event again under a new id, as a producer that did not keep its ids would deliver it. */
    static EventEnvelope underNewId(EventEnvelope envelope) {
        return envelope(envelope.event(), envelope.time());
    }

    static EventEnvelope surveyRequested(String ticketId, String email, String locale, String url) {
        Instant at = Instant.now();
        return envelope(new SurveyRequested(ticketId, UUID.randomUUID().toString(), url, email, locale,
                Instant.parse("2030-01-15T10:30:00Z")), at);
    }

    static EventEnvelope slaBreached(String ticketId, Plan plan, Priority priority, Duration target, Duration late) {
        Instant receivedAt = Instant.parse("2026-11-25T08:00:00Z");
        Instant dueAt = receivedAt.plus(target);
        return envelope(new SlaBreached(ticketId, TicketReference.of(ticketId), plan, priority, target, receivedAt,
                dueAt, dueAt.plus(late)), dueAt.plus(late));
    }

    /** A P1 received at 03:00 Berlin time, to be handled at once, paging {@code paged}. */
    static EventEnvelope handlingScheduled(String ticketId, Recipient... paged) {
        Instant receivedAt = HANDLE_FROM;
        return envelope(new HandlingScheduled(ticketId, TicketReference.of(ticketId), Plan.ENTERPRISE, Priority.P1,
                HandlingMode.ROUND_THE_CLOCK, "berlin", receivedAt, Duration.ofMinutes(30),
                receivedAt.plus(Duration.ofMinutes(30)), List.of(paged), receivedAt), receivedAt);
    }

    static EventEnvelope handlingMet(String ticketId) {
        return envelope(new HandlingMet(ticketId, Plan.ENTERPRISE, Priority.P1, HandlingMode.ROUND_THE_CLOCK, "berlin",
                HANDLE_FROM, Duration.ofMinutes(30), HANDLE_FROM.plus(Duration.ofMinutes(30)),
                HANDLE_FROM.plus(Duration.ofMinutes(10))), HANDLE_FROM.plus(Duration.ofMinutes(10)));
    }

    static EventEnvelope handlingBreached(String ticketId) {
        Instant dueAt = HANDLE_FROM.plus(Duration.ofMinutes(30));
        return envelope(new HandlingBreached(ticketId, TicketReference.of(ticketId), Plan.ENTERPRISE, Priority.P1,
                HandlingMode.ROUND_THE_CLOCK, "berlin", HANDLE_FROM, Duration.ofMinutes(30), dueAt, dueAt), dueAt);
    }

    static EventEnvelope slaEscalated(String ticketId, int level, EscalationTrigger trigger, Recipient... recipients) {
        Instant at = HANDLE_FROM.plus(Duration.ofMinutes(45));
        return envelope(new SlaEscalated(ticketId, TicketReference.of(ticketId), Plan.PRO, Priority.P2, level, trigger,
                List.of(recipients), at), at);
    }

    static void publish(EventEnvelope... envelopes) {
        try (TopicWriter writer = new TopicWriter(SharedInfrastructure.broker().bootstrapServers())) {
            for (EventEnvelope envelope : envelopes) {
                writer.publish(envelope);
            }
        }
    }
}
