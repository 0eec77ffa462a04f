package io.supportflow.notification;

import static io.supportflow.notification.Fixtures.newTicketId;
import static io.supportflow.notification.Fixtures.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.NotificationKind;
import io.supportflow.notification.repository.NotificationEntity;
import io.supportflow.notification.repository.NotificationStatus;
import io.supportflow.testing.SupportFlowTestResource;
import jakarta.mail.internet.MimeMessage;

/**
 * A priority change is not sent while the ticket's "ticket logged" message is still pending (a retry
 * waiting for the mail server, say): side by side, the change could arrive before the message it corrects.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class CustomerMessageOrderTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aPriorityChangeWaitsUntilTheTicketLoggedMessageIsSent() throws Exception {
        String ticketId = newTicketId();
        String email = uniqueAddress("ordered");
        String markerTicketId = newTicketId();
        String markerEmail = uniqueAddress("marker");
        Instant now = Instant.now();
        NotificationEntity logged = pending(ticketId, NotificationKind.TICKET_LOGGED, "", email, "Logged",
                now.minusSeconds(60), now.plus(Duration.ofHours(1)));
        NotificationEntity change = pending(ticketId, NotificationKind.PRIORITY_CHANGED, "P1-test", email, "Changed",
                now, now.minusSeconds(1));
        // Due after the change: whichever worker claims what is due takes the change first, were it due.
        NotificationEntity marker = pending(markerTicketId, NotificationKind.TICKET_LOGGED, "", markerEmail, "Marker",
                now, now);
        QuarkusTransaction.requiringNew().run(() -> List.of(logged, change, marker).forEach(row -> row.persist()));

        Awaitility.await("marker sent").atMost(WAIT).until(() -> status(marker.id) == NotificationStatus.SENT);
        assertThat(status(change.id)).isEqualTo(NotificationStatus.PENDING);
        assertThat(Mailbox.to(email)).isEmpty();

        QuarkusTransaction.requiringNew().run(() -> NotificationEntity.update(
                "nextAttemptAt = ?1 where id = ?2", Instant.now(), logged.id));

        Awaitility.await("both sent").atMost(WAIT).until(() -> Mailbox.to(email).size() == 2);
        assertThat(Mailbox.to(email)).extracting(MimeMessage::getSubject).containsExactly("Logged", "Changed");
    }

    private static NotificationStatus status(String id) {
        return QuarkusTransaction.requiringNew().call(() -> NotificationEntity.<NotificationEntity>findById(id).status);
    }

    private static NotificationEntity pending(String ticketId, NotificationKind kind, String occasion, String email,
                                              String subject, Instant createdAt, Instant dueAt) {
        NotificationEntity row = new NotificationEntity();
        row.id = UUID.randomUUID().toString();
        row.ticketId = ticketId;
        row.kind = kind;
        row.occasion = occasion;
        row.recipients = email;
        row.subject = subject;
        row.textBody = subject;
        row.htmlBody = "<p>" + subject + "</p>";
        row.messageId = "<" + row.id + "@supportflow>";
        row.status = NotificationStatus.PENDING;
        row.createdAt = createdAt;
        row.nextAttemptAt = dueAt;
        row.giveUpAt = createdAt.plus(Duration.ofHours(24));
        return row;
    }
}
