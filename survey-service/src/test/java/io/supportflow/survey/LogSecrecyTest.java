package io.supportflow.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.EventType;
import io.supportflow.events.SurveyRequested;
import io.supportflow.events.Topics;
import io.supportflow.testing.LogCapture;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;

/** A survey's token, the customer's address and the comment never reach the log, answered or guessed. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class LogSecrecyTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void theSurveyTokenTheAddressAndTheCommentStayOutOfTheLog() {
        String bootstrap = SharedInfrastructure.broker().bootstrapServers();
        Tickets ticket = Tickets.any();
        String comment = "Private comment " + System.nanoTime();

        try (TopicReader topics = TopicReader.fromNow(bootstrap, Topics.SURVEYS_REQUESTED, Topics.SURVEYS_RESPONSES);
             TopicWriter writer = new TopicWriter(bootstrap);
             LogCapture log = LogCapture.start()) {
            Logger.getLogger(LogSecrecyTest.class).info("log capture is listening");
            writer.publish(ticket.received("Private subject", "en"));
            writer.publish(ticket.resolved(Tickets.now()));
            SurveyRequested survey = topics.awaitEvent(EventType.SURVEY_REQUESTED, ticket.ticketId(), WAIT);
            String path = SurveyBrowser.pathOf(survey.url());
            String token = path.substring(path.lastIndexOf('/') + 1);
            SurveyBrowser.open(path).then().statusCode(200);
            SurveyBrowser.answer(path, "2", comment).then().statusCode(200);
            SurveyBrowser.open(path.replace(token, token.substring(1) + "x")).then().statusCode(404);
            topics.awaitRecord(EventType.SURVEY_COMPLETED, ticket.ticketId(), WAIT);

            assertThat(log.text()).contains("log capture is listening")
                    .doesNotContain(token, survey.email(), comment);
        }
    }
}
