package io.supportflow.sla;

import static io.supportflow.sla.CalendarRequests.SCHEDULES;
import static io.supportflow.sla.CalendarRequests.agent;
import static io.supportflow.sla.CalendarRequests.berlinOffice;
import static io.supportflow.sla.CalendarRequests.interval;
import static io.supportflow.sla.CalendarRequests.newId;
import static io.supportflow.sla.CalendarRequests.ops;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.oneOf;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supportflow.events.DeterministicIds;
import io.supportflow.events.EventType;
import io.supportflow.events.OpeningInterval;
import io.supportflow.events.ScheduleChanged;
import io.supportflow.events.Topics;
import io.supportflow.sla.domain.hours.DailyInterval;
import io.supportflow.sla.service.Calendars;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import jakarta.inject.Inject;

/** Ops define business-hours schedules over the API; each change is a version, stored and published. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class ScheduleApiTest extends SlaTestBase {

    /** Friday 2031-03-07, 18:30 in Berlin: closed until Monday 08:00 (07:00 UTC). */
    private static final Instant FRIDAY_EVENING = Instant.parse("2031-03-07T17:30:00Z");

    @TopicClients.Reads(Topics.SLA_SCHEDULES)
    TopicReader calendarTopic;

    @Inject
    Calendars calendars;

    @Test
    void theFirstChangeIsVersionOneAndEveryLaterChangeAddsAVersionEachPublished() {
        String id = newId("office");
        setClock(FRIDAY_EVENING);

        ops().contentType(ContentType.JSON).body(berlinOffice()).put(SCHEDULES + id)
                .then().statusCode(201)
                .header("Location", endsWith(SCHEDULES + id))
                .body("id", equalTo(id)).body("version", equalTo(1)).body("zone", equalTo("Europe/Berlin"))
                .body("week.MONDAY[0].from", equalTo("08:00")).body("week.MONDAY[0].to", equalTo("18:00"))
                .body("changedBy", equalTo("ops"))
                .body("openNow", equalTo(false)).body("nextOpening", equalTo("2031-03-10T07:00:00Z"));
        ReceivedRecord first = calendarTopic.awaitRecord(EventType.SCHEDULE_CHANGED, "schedule:" + id, SOON);
        ScheduleChanged published = (ScheduleChanged) first.envelope().event();
        assertThat(published.version()).isEqualTo(1);
        assertThat(published.week().get(DayOfWeek.MONDAY)).containsExactly(new OpeningInterval("08:00", "18:00"));
        assertThat(published.week()).doesNotContainKey(DayOfWeek.SATURDAY);
        assertThat(first.envelope().id()).isEqualTo(DeterministicIds.eventId("schedule:" + id + "/v1", "schedule-changed"));

        Map<String, Object> lateFridays = berlinOffice();
        weekOf(lateFridays).put("FRIDAY", List.of(interval("08:00", "20:00")));
        ops().contentType(ContentType.JSON).body(lateFridays).put(SCHEDULES + id)
                .then().statusCode(200).body("version", equalTo(2)).body("openNow", equalTo(true))
                .body("nextOpening", equalTo(FRIDAY_EVENING.toString()));
        awaitVersion(id, 2);

        ops().get(SCHEDULES + id + "/versions").then().statusCode(200)
                .body("version", contains(1, 2))
                .body("[0].week.FRIDAY[0].to", equalTo("18:00")).body("[1].week.FRIDAY[0].to", equalTo("20:00"));
        agent().get(SCHEDULES + id).then().statusCode(200).body("version", equalTo(2));
        agent().get(SCHEDULES).then().statusCode(200)
                .body("find { it.id == '%s' }.version".formatted(id), equalTo(2))
                .body("id", hasItem("default"));
    }

    @Test
    void aChangeIsInThisInstancesCalendarsAsSoonAsItIsAnswered() {
        String id = newId("office");
        Map<String, Object> schedule = berlinOffice();
        schedule.put("zone", "America/New_York");

        ops().contentType(ContentType.JSON).body(schedule).put(SCHEDULES + id).then().statusCode(201);

        assertThat(calendars.schedule(id).zone().getId()).isEqualTo("America/New_York");
        assertThat(calendars.schedule(id).week().get(DayOfWeek.MONDAY))
                .containsExactly(DailyInterval.parse("08:00", "18:00"));
        assertThat(calendars.schedules()).extracting(s -> s.id()).contains(id, "default");
    }

    @Test
    void anUnknownScheduleIsTheDefaultToTheCodeThatAsksAndNotFoundToTheApi() {
        String id = newId("nowhere");

        assertThat(calendars.schedule(id)).isEqualTo(calendars.schedule("default"));
        ops().get(SCHEDULES + id).then().statusCode(404).contentType("application/problem+json");
        ops().get(SCHEDULES + id + "/versions").then().statusCode(404).contentType("application/problem+json");
        ops().get(SCHEDULES + "Not-An-Id").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void concurrentChangesOfOneScheduleEachGetAVersionOfTheirOwn() throws Exception {
        String id = newId("busy");
        int changes = 6;
        ExecutorService threads = Executors.newFixedThreadPool(changes);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < changes; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> ops().contentType(ContentType.JSON).body(berlinOffice())
                        .put(SCHEDULES + id).then().statusCode(oneOf(200, 201))
                        .extract().<Integer>path("version"), threads));
            }
            List<Integer> versions = new ArrayList<>();
            for (CompletableFuture<Integer> answer : answers) {
                versions.add(answer.get());
            }
            assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        } finally {
            threads.shutdown();
        }
        ops().get(SCHEDULES + id + "/versions").then().body("version", contains(1, 2, 3, 4, 5, 6));
    }

    private void awaitVersion(String id, int version) {
        Awaitility.await("version " + version + " of " + id + " on " + Topics.SLA_SCHEDULES).atMost(SOON)
                .until(() -> calendarTopic.<ScheduleChanged>events(EventType.SCHEDULE_CHANGED, "schedule:" + id)
                        .stream().anyMatch(changed -> changed.version() == version));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> weekOf(Map<String, Object> schedule) {
        return (Map<String, Object>) schedule.get("week");
    }
}
