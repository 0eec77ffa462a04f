package io.supportflow.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.supportflow.events.Channel;
import io.supportflow.events.Customer;
import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.HandlingMode;
import io.supportflow.events.HandlingScheduled;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.PrioritySource;
import io.supportflow.events.SlaBreachRetracted;
import io.supportflow.events.SlaBreached;
import io.supportflow.events.SlaEscalated;
import io.supportflow.events.SlaWarning;
import io.supportflow.events.SupportEvent;
import io.supportflow.events.TicketAcknowledged;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TicketReopened;
import io.supportflow.events.TicketResolved;
import io.supportflow.events.TriageReviewRequested;
import io.supportflow.intake.domain.SlaState;
import io.supportflow.intake.repository.TicketStatus;
import io.supportflow.intake.repository.TicketViewEntity;

/** The projection's rules give one answer whatever order the topics deliver in. */
class TicketViewProjectionTest {

    private static final String ID = "6a1f0c9e-0000-5000-8000-000000000001";
    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private final List<Timed> history = List.of(
            at(0, new TicketReceived(ID, "SF-ABCDEFGH", Channel.PHONE, "call-1", Plan.ENTERPRISE,
                    new Customer("E-1", "Eve", "eve@example.com", "de"), "Down", "Nothing works", null, null, null, T0,
                    T0.minusSeconds(300))),
            at(1, new TriageReviewRequested(ID, Priority.P2, "unclear", T0.plusSeconds(1), Priority.P1)),
            at(2, new PriorityAssigned(ID, Priority.P3, null, PrioritySource.RULES, "default", null, null,
                    T0.plusSeconds(2))),
            at(3, new HandlingScheduled(ID, "SF-ABCDEFGH", Plan.ENTERPRISE, Priority.P3, HandlingMode.BUSINESS_HOURS,
                    "default", T0, HOUR, T0.plus(HOUR), List.of(), T0.plusSeconds(3))),
            at(300, new TicketAcknowledged(ID, T0.plusSeconds(300), "kim", null)),
            at(900, new TicketAcknowledged(ID, T0.plusSeconds(900), "lee", "lee")),
            at(1200, new TicketAcknowledged(ID, T0.plusSeconds(1200), "kim", "kim")),
            at(1300, new TicketAcknowledged(ID, T0.plusSeconds(1300), "lee", null)),
            at(600, new PriorityAssigned(ID, Priority.P1, Priority.P3, PrioritySource.AGENT, "agent", "down", "kim",
                    T0.plusSeconds(600))),
            at(2700, new SlaWarning(ID, Plan.ENTERPRISE, Priority.P1, HOUR, T0, T0.plus(HOUR), T0.plusSeconds(2700))),
            at(3600, new SlaBreached(ID, "SF-ABCDEFGH", Plan.ENTERPRISE, Priority.P1, HOUR, T0, T0.plus(HOUR),
                    T0.plus(HOUR))),
            at(3600, new SlaEscalated(ID, "SF-ABCDEFGH", Plan.ENTERPRISE, Priority.P1, 1,
                    EscalationTrigger.RESPONSE_BREACH, List.of(), T0.plus(HOUR))),
            at(3700, new SlaBreachRetracted(ID, Plan.ENTERPRISE, Priority.P1, HOUR, T0, T0.plus(HOUR),
                    T0.plusSeconds(3700))),
            at(7200, new TicketResolved(ID, T0.plusSeconds(7200), "kim", null)),
            at(9000, new TicketReopened(ID, T0.plusSeconds(9000), "kim", "customer still down")));

    @Test
    void inTimeOrderTheViewEndsWithTheLatestOfEveryValue() {
        TicketViewEntity view = replay(history);

        assertThat(view.status).isEqualTo(TicketStatus.OPEN);
        assertThat(view.priority).isEqualTo(Priority.P1);
        assertThat(view.priorityProvisional).isFalse();
        assertThat(view.slaState).isEqualTo(SlaState.MET);
        assertThat(view.slaDueAt).isEqualTo(T0.plus(HOUR));
        assertThat(view.lastEventAt).isEqualTo(T0.plusSeconds(9000));
        assertThat(view.reference).isEqualTo("SF-ABCDEFGH");
        assertThat(view.submittedAt).isEqualTo(T0.minusSeconds(300));
        assertThat(view.acknowledgedAt).as("the first take-up").isEqualTo(T0.plusSeconds(300));
        assertThat(view.acknowledgedBy).isEqualTo("kim");
        assertThat(view.assignee).as("the newest acknowledgement naming one").isEqualTo("kim");
        assertThat(view.assigneeAt).isEqualTo(T0.plusSeconds(1200));
    }

    @Test
    void anyOrderOfDeliveryGivesTheSameView() {
        TicketViewEntity expected = replay(history);
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<Timed> shuffled = new ArrayList<>(history);
            Collections.shuffle(shuffled, random);
            assertThat(replay(shuffled)).usingRecursiveComparison().isEqualTo(expected);
        }
    }

    @Test
    void aProvisionalPriorityHoldsOnlyUntilTriageDecides() {
        TicketViewEntity view = replay(List.of(history.get(0), history.get(1)));
        assertThat(view.priority).isEqualTo(Priority.P2);
        assertThat(view.priorityProvisional).isTrue();
        assertThat(view.priorityAt).as("provisional since the review request").isEqualTo(T0.plusSeconds(1));
        assertThat(view.slaState).isEqualTo(SlaState.RUNNING);
    }

    @Test
    void anAgentsDecisionAfterTheReviewSettlesItInEitherOrder() {
        Timed review = at(5, new TriageReviewRequested(ID, Priority.P3, "unclear", T0.plusSeconds(5), Priority.P1));
        Timed agent = at(60, new PriorityAssigned(ID, Priority.P2, Priority.P3, PrioritySource.AGENT, "agent", null,
                "kim", T0.plusSeconds(60)));

        for (List<Timed> order : List.of(List.of(review, agent), List.of(agent, review))) {
            TicketViewEntity view = replay(order);
            assertThat(view.priority).isEqualTo(Priority.P2);
            assertThat(view.priorityProvisional).isFalse();
            assertThat(view.priorityAt).isEqualTo(T0.plusSeconds(60));
        }
    }

    @Test
    void aDecisionOlderThanTheReviewDoesNotSettleItInEitherOrder() {
        Timed rules = at(2, new PriorityAssigned(ID, Priority.P4, null, PrioritySource.RULES, "question", null, null,
                T0.plusSeconds(2)));
        Timed review = at(5, new TriageReviewRequested(ID, Priority.P3, "unclear", T0.plusSeconds(5)));

        for (List<Timed> order : List.of(List.of(rules, review), List.of(review, rules))) {
            TicketViewEntity view = replay(order);
            assertThat(view.priority).isEqualTo(Priority.P3);
            assertThat(view.priorityProvisional).isTrue();
            assertThat(view.priorityAt).isEqualTo(T0.plusSeconds(5));
        }
    }

    @Test
    void aDecisionAtTheReviewsInstantSettlesItInEitherOrder() {
        Timed review = at(5, new TriageReviewRequested(ID, Priority.P3, "unclear", T0.plusSeconds(5)));
        Timed decision = at(5, new PriorityAssigned(ID, Priority.P2, null, PrioritySource.AGENT, "agent", null, "kim",
                T0.plusSeconds(5)));

        for (List<Timed> order : List.of(List.of(review, decision), List.of(decision, review))) {
            TicketViewEntity view = replay(order);
            assertThat(view.priority).isEqualTo(Priority.P2);
            assertThat(view.priorityProvisional).isFalse();
        }
    }

    private static TicketViewEntity replay(List<Timed> events) {
        TicketViewEntity view = new TicketViewEntity();
        view.ticketId = ID;
        events.forEach(timed -> TicketViewProjection.apply(view, timed.event(), timed.time()));
        return view;
    }

    private static Timed at(long seconds, SupportEvent event) {
        return new Timed(T0.plusSeconds(seconds), event);
    }

    private record Timed(Instant time, SupportEvent event) {
    }
}
