package io.supportflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.EventType;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.Topics;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicReader;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class PoisonRecordTest extends SlaTestBase {

    @Test
    void anUnreadableNotificationGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String dlq = Topics.deadLetter(Topics.TICKETS_NOTIFICATIONS);
        try (TopicReader deadLetters = TopicReader.fromNow(SharedInfrastructure.broker().bootstrapServers(), dlq)) {
            Tickets ticket = Tickets.newTicket();
            String poisonKey = ticket.ticketId();
            writer.send(Topics.TICKETS_NOTIFICATIONS, poisonKey, "{not json", Map.of(
                    "ce_id", UUID.randomUUID().toString(), "ce_type", EventType.CUSTOMER_NOTIFIED.ceType(),
                    "ce_time", Instant.now().toString()));
            setClock(start.plus(Duration.ofMinutes(20)));
            publish(ticket.received(Plan.PRO, start), ticket.assigned(Priority.P1, start),
                    ticket.logged(start.plus(Duration.ofMinutes(10))));

            sla.awaitEvent(EventType.SLA_MET, ticket.ticketId(), SOON);
            Awaitility.await("poison record on " + dlq).atMost(SOON)
                    .until(() -> !deadLetters.records(r -> poisonKey.equals(r.key())).isEmpty());
            ReceivedRecord dead = deadLetters.records(r -> poisonKey.equals(r.key())).get(0);
            assertThat(dead.value()).isEqualTo("{not json");
            assertThat(dead.headers()).containsKey("dead-letter-reason");
        }
    }
}
