package io.supportflow.notification;

import static io.supportflow.notification.Fixtures.newTicketId;
import static io.supportflow.notification.Fixtures.priorityAssigned;
import static io.supportflow.notification.Fixtures.publish;
import static io.supportflow.notification.Fixtures.surveyRequested;
import static io.supportflow.notification.Fixtures.ticketReceived;
import static io.supportflow.notification.Fixtures.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.testing.LogCapture;
import io.supportflow.testing.SupportFlowTestResource;

/** Sending mail logs neither the recipient, nor what the customer wrote, nor the survey link's token. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class LogSecrecyTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @BeforeAll
    static void shippedSlaPolicy() {
        SlaPolicyTopic.awaitShippedPolicy();
    }

    @Test
    void neitherAddressesNorSubjectsNorMailBodiesNorSurveyTokensAppearInTheLog() throws Exception {
        String ticketId = newTicketId();
        String email = uniqueAddress("private");
        String subject = "Private subject " + System.nanoTime();
        String token = "tok" + System.nanoTime() + "SecretSurveyToken";

        try (LogCapture log = LogCapture.start()) {
            Logger.getLogger(LogSecrecyTest.class).info("log capture is listening");
            publish(ticketReceived(ticketId, Plan.PRO, "Private Person", email, "en", subject),
                    priorityAssigned(ticketId, Priority.P2, null),
                    surveyRequested(ticketId, email, "en", "http://127.0.0.1:8085/surveys/" + token));
            Mailbox.awaitOne(email, WAIT);
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> Mailbox.to(email).size() == 2);
            String bodies = Mailbox.text(Mailbox.to(email).get(0)) + Mailbox.text(Mailbox.to(email).get(1));
            assertThat(bodies).contains(subject, token);

            // GreenMail, the test's SMTP server in this JVM, logs the mailboxes it creates: not the service's log.
            assertThat(log.textExcept("com.icegreen")).contains("log capture is listening")
                    .doesNotContain(email, subject, token, "Private Person");
        }
    }
}
