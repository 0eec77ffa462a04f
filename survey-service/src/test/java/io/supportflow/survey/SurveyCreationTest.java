package io.supportflow.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.DeterministicIds;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.EventType;
import io.supportflow.events.SurveyRequested;
import io.supportflow.events.Topics;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class SurveyCreationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TopicClients.Reads(Topics.SURVEYS_REQUESTED)
    private TopicReader requested;
    private TopicWriter writer;

    @Test
    void aResolvedTicketGetsASurveyWithARandomLinkThatExpiresAfterThirtyDays() {
        Tickets ticket = Tickets.any();
        Instant resolvedAt = Tickets.now();
        writer.publish(ticket.received("Cannot join any meeting", "de"));
        EventEnvelope resolved = ticket.resolved(resolvedAt);
        writer.publish(resolved);

        ReceivedRecord record = requested.awaitRecord(EventType.SURVEY_REQUESTED, ticket.ticketId(), WAIT);
        SurveyRequested survey = (SurveyRequested) record.envelope().event();
        assertThat(survey.url()).matches("http://127\\.0\\.0\\.1:8085/surveys/[A-Za-z0-9_-]{43}");
        assertThat(survey.url()).doesNotContain(ticket.ticketId()).doesNotContain(ticket.reference());
        assertThat(survey.email()).isEqualTo("ada@example.com");
        assertThat(survey.locale()).isEqualTo("de");
        assertThat(survey.expiresAt()).isEqualTo(resolvedAt.plus(Duration.ofDays(30)));
        assertThat(record.headers())
                .containsEntry("ce_id", DeterministicIds.eventId(resolved.id(), "survey-requested"))
                .containsEntry("ce_source", "/supportflow/survey-service")
                .containsEntry("ce_subject", ticket.ticketId());
    }

    @Test
    void aResolutionThatArrivesBeforeItsTicketWaitsForTheTicket() {
        Tickets ticket = Tickets.any();
        writer.publish(ticket.resolved(Tickets.now()));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> requested.events(EventType.SURVEY_REQUESTED, ticket.ticketId()).isEmpty());

        writer.publish(ticket.received("Late ticket", "en"));

        SurveyRequested survey = requested.awaitEvent(EventType.SURVEY_REQUESTED, ticket.ticketId(), WAIT);
        assertThat(survey.email()).isEqualTo("ada@example.com");
    }

    @Test
    void aRedeliveredResolutionOpensNoSecondSurvey() {
        Tickets ticket = Tickets.any();
        writer.publish(ticket.received("Printer on fire", "en"));
        EventEnvelope resolved = ticket.resolved(Tickets.now());
        writer.publish(resolved);
        writer.publish(resolved);
        // A later resolution of the same ticket travels behind the redelivery on the same partition.
        EventEnvelope later = ticket.resolved(Tickets.now());
        writer.publish(later);

        List<ReceivedRecord> surveys = awaitSurveys(ticket, 2);
        assertThat(surveys).extracting(r -> r.header("ce_id")).containsExactly(
                DeterministicIds.eventId(resolved.id(), "survey-requested"),
                DeterministicIds.eventId(later.id(), "survey-requested"));
    }

    @Test
    void aTicketReopenedAndSolvedAgainGetsANewSurvey() {
        Tickets ticket = Tickets.any();
        writer.publish(ticket.received("Sync stops at night", "en"));
        writer.publish(ticket.resolved(Tickets.now()));
        writer.publish(ticket.reopened(Tickets.now()));
        EventEnvelope solvedAgain = ticket.resolved(Tickets.now());
        writer.publish(solvedAgain);

        List<ReceivedRecord> surveys = awaitSurveys(ticket, 2);
        SurveyRequested first = (SurveyRequested) surveys.get(0).envelope().event();
        SurveyRequested second = (SurveyRequested) surveys.get(1).envelope().event();
        assertThat(second.surveyId()).isNotEqualTo(first.surveyId());
        assertThat(second.url()).isNotEqualTo(first.url());
        assertThat(surveys.get(1).header("ce_id"))
                .isEqualTo(DeterministicIds.eventId(solvedAgain.id(), "survey-requested"));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String dlqTopic = Topics.deadLetter(Topics.TICKETS_LIFECYCLE);
        try (TopicReader deadLetters = TopicReader.fromNow(SharedInfrastructure.broker().bootstrapServers(), dlqTopic)) {
            Tickets ticket = Tickets.any();
            writer.publish(ticket.received("After the poison", "en"));
            writer.send(Topics.TICKETS_LIFECYCLE, ticket.ticketId(), "{not json",
                    Map.of("ce_id", "poison-" + ticket.ticketId(), "ce_type", "supportflow.ticket.resolved.v1",
                            "ce_time", Tickets.now().toString()));
            writer.publish(ticket.resolved(Tickets.now()));

            requested.awaitEvent(EventType.SURVEY_REQUESTED, ticket.ticketId(), WAIT);
            Awaitility.await().atMost(WAIT).until(() -> !deadLetters.records(r -> ticket.ticketId().equals(r.key()))
                    .isEmpty());
            assertThat(deadLetters.records(r -> ticket.ticketId().equals(r.key())).get(0).value())
                    .isEqualTo("{not json");
        }
    }

    private List<ReceivedRecord> awaitSurveys(Tickets ticket, int count) {
        Awaitility.await().atMost(WAIT).until(() -> surveysOf(ticket).size() >= count);
        // Give a wrongly duplicated survey the time to show up before counting.
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> surveysOf(ticket).size() == count);
        return surveysOf(ticket);
    }

    private List<ReceivedRecord> surveysOf(Tickets ticket) {
        return requested.records(r -> ticket.ticketId().equals(r.key()));
    }
}
