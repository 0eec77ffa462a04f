package io.supportflow.sla;

import static io.supportflow.sla.CalendarRequests.SCHEDULES;
import static io.supportflow.sla.CalendarRequests.berlinOffice;
import static io.supportflow.sla.CalendarRequests.newId;
import static io.supportflow.sla.CalendarRequests.ops;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.EventJson;
import io.supportflow.events.EventType;
import io.supportflow.events.OpeningInterval;
import io.supportflow.events.ScheduleChanged;
import io.supportflow.events.Topics;
import io.supportflow.sla.service.Calendars;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicReader;
import jakarta.inject.Inject;

/**
 * Every instance keeps the latest versions in memory: a change another instance made (stored in the shared
 * database, published on sla.schedules) reaches this one's {@link Calendars} through the topic, and a record on
 * the topic that is no calendar event goes to its dead-letter topic.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class ScheduleEventsTest extends SlaTestBase {

    /** The consumer joins the topic at its end when the service starts: a record sent before that is not seen. */
    private static final Duration UNTIL_JOINED = Duration.ofSeconds(60);

    @Inject
    Calendars calendars;

    @Test
    void aChangeAnotherInstanceStoredAndPublishedReachesThisInstancesCalendars() throws SQLException {
        String id = newId("shared");
        ops().contentType(ContentType.JSON).body(berlinOffice()).put(SCHEDULES + id).then().statusCode(201);
        ScheduleChanged elsewhere = tokyoSaturdays(id);
        storeAsAnotherInstance(elsewhere);
        assertThat(calendars.schedule(id).zone().getId()).as("not yet told").isEqualTo("Europe/Berlin");

        EventEnvelope published = EventEnvelope.of(UUID.randomUUID().toString(), "/supportflow/sla-service",
                elsewhere.at(), elsewhere);
        Awaitility.await("version 2 of " + id + " in this instance's calendars").atMost(UNTIL_JOINED)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    writer.publish(published);
                    return calendars.schedule(id).zone().getId().equals("Asia/Tokyo");
                });
        assertThat(calendars.schedule(id).week()).containsOnlyKeys(DayOfWeek.SATURDAY);
    }

    @Test
    void aRecordOnTheScheduleTopicThatIsNoCalendarEventGoesToItsDeadLetterTopicAndTheConsumerGoesOn()
            throws SQLException {
        String id = newId("after-poison");
        ops().contentType(ContentType.JSON).body(berlinOffice()).put(SCHEDULES + id).then().statusCode(201);
        String dlq = Topics.deadLetter(Topics.SLA_SCHEDULES);
        try (TopicReader deadLetters = TopicReader.fromNow(SharedInfrastructure.broker().bootstrapServers(), dlq)) {
            String poisonKey = "poison-" + UUID.randomUUID();
            Awaitility.await("a poison record on " + dlq).atMost(UNTIL_JOINED).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        writer.send(Topics.SLA_SCHEDULES, poisonKey, "{not json", Map.of(
                                "ce_id", UUID.randomUUID().toString(), "ce_type", EventType.SCHEDULE_CHANGED.ceType(),
                                "ce_time", Instant.now().toString()));
                        return !deadLetters.records(r -> poisonKey.equals(r.key())).isEmpty();
                    });
            ReceivedRecord dead = deadLetters.records(r -> poisonKey.equals(r.key())).get(0);
            assertThat(dead.value()).isEqualTo("{not json");
            assertThat(dead.headers()).containsKey("dead-letter-reason");
        }

        ScheduleChanged elsewhere = tokyoSaturdays(id);
        storeAsAnotherInstance(elsewhere);
        writer.publish(EventEnvelope.of(UUID.randomUUID().toString(), "/supportflow/sla-service", elsewhere.at(),
                elsewhere));
        Awaitility.await("version 2 of " + id + " after the poison record").atMost(SOON)
                .until(() -> calendars.schedule(id).zone().getId().equals("Asia/Tokyo"));
    }

    private static ScheduleChanged tokyoSaturdays(String id) {
        return new ScheduleChanged(id, 2, "Asia/Tokyo", Map.of(DayOfWeek.SATURDAY,
                List.of(new OpeningInterval("10:00", "14:00"))), List.of(), "ops-on-another-instance", Instant.now());
    }

    private void storeAsAnotherInstance(ScheduleChanged changed) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO sla_calendar_version (kind, calendar_id, version, definition, changed_by, changed_at)
                     VALUES ('schedule', ?, ?, CAST(? AS jsonb), ?, ?)""")) {
            insert.setString(1, changed.scheduleId());
            insert.setInt(2, changed.version());
            insert.setString(3, EventJson.write(changed));
            insert.setString(4, changed.changedBy());
            insert.setTimestamp(5, Timestamp.from(changed.at()));
            insert.executeUpdate();
        }
    }
}
