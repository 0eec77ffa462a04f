package io.supportflow.sla;

import static io.supportflow.sla.CalendarRequests.SCHEDULES;
import static io.supportflow.sla.CalendarRequests.berlinOffice;
import static io.supportflow.sla.CalendarRequests.holiday;
import static io.supportflow.sla.CalendarRequests.newId;
import static io.supportflow.sla.CalendarRequests.ops;
import static io.supportflow.sla.CalendarRequests.storedCalendarRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supportflow.events.EventType;
import io.supportflow.events.Holiday;
import io.supportflow.events.ScheduleChanged;
import io.supportflow.events.Topics;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;

/** Holidays come from an iCalendar file too, as public-holiday calendars are published. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class ScheduleHolidayImportTest extends SlaTestBase {

    private static final String TEXT_CALENDAR = "text/calendar";
    /** Christmas Eve (a Wednesday), then Christmas as one two-day event, and one that comes back every 1 May. */
    private static final String CHRISTMAS = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//SupportFlow//Holiday test//EN\r
            BEGIN:VEVENT\r
            UID:christmas-eve-2031@supportflow.example\r
            DTSTAMP:20310101T000000Z\r
            DTSTART;VALUE=DATE:20311224\r
            SUMMARY:Heiligabend\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:christmas-2031@supportflow.example\r
            DTSTAMP:20310101T000000Z\r
            DTSTART;VALUE=DATE:20311225\r
            DTEND;VALUE=DATE:20311227\r
            SUMMARY:Weihnachten\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:labour-day@supportflow.example\r
            DTSTAMP:20310101T000000Z\r
            DTSTART;VALUE=DATE:20310501\r
            RRULE:FREQ=YEARLY\r
            SUMMARY:Tag der Arbeit\r
            END:VEVENT\r
            END:VCALENDAR\r
            """;

    @TopicClients.Reads(Topics.SLA_SCHEDULES)
    TopicReader calendarTopic;

    @Test
    void anImportedCalendarsHolidaysReplaceTheSchedulesAsItsNextVersion() {
        String id = newId("imported");
        setClock(Instant.parse("2031-12-01T10:00:00Z"));
        Map<String, Object> office = berlinOffice();
        office.put("holidays", List.of(holiday("2031-12-08", "Replaced by the import")));
        ops().contentType(ContentType.JSON).body(office).put(SCHEDULES + id).then().statusCode(201);

        ops().contentType(TEXT_CALENDAR).body(CHRISTMAS).put(SCHEDULES + id + "/holidays")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("version", equalTo(2))
                .body("week.MONDAY[0].from", equalTo("08:00"))
                .body("holidays.date", hasItem("2031-12-24"))
                .body("holidays.find { it.date == '2031-12-25' }.name", equalTo("Weihnachten"))
                .body("holidays.find { it.date == '2031-12-26' }.name", equalTo("Weihnachten"))
                .body("holidays.date", hasItem("2032-05-01"))
                .body("holidays.date", not(hasItem("2031-12-08")));

        Awaitility.await("version 2 of " + id + " published").atMost(SOON).until(() ->
                calendarTopic.<ScheduleChanged>events(EventType.SCHEDULE_CHANGED, "schedule:" + id).size() == 2);
        ScheduleChanged imported = calendarTopic.<ScheduleChanged>events(EventType.SCHEDULE_CHANGED, "schedule:" + id).get(1);
        assertThat(imported.holidays()).contains(new Holiday(LocalDate.parse("2031-12-24"), "Heiligabend"));
        assertThat(imported.holidays()).extracting(Holiday::date)
                .contains(LocalDate.parse("2031-05-01"), LocalDate.parse("2041-05-01"))
                .doesNotContain(LocalDate.parse("2031-12-08"));

        setClock(Instant.parse("2031-12-24T10:00:00Z"));
        ops().get(SCHEDULES + id).then().statusCode(200)
                .body("openNow", equalTo(false))
                .body("nextOpening", equalTo("2031-12-29T07:00:00Z"));
        ops().get(SCHEDULES + id + "/versions").then().body("version", contains(1, 2));
    }

    @Test
    void aMalformedCalendarIsRefusedNamingHolidaysAndNothingIsStored() {
        String id = newId("imported");
        ops().contentType(ContentType.JSON).body(berlinOffice()).put(SCHEDULES + id).then().statusCode(201);
        long before = storedCalendarRows(dataSource);

        for (String malformed : List.of("not a calendar", "", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n",
                CHRISTMAS.replace("DTSTART;VALUE=DATE:20311224", "DTSTART;VALUE=DATE:20311332"))) {
            ops().contentType(TEXT_CALENDAR).body(malformed).put(SCHEDULES + id + "/holidays")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("holidays"));
        }

        assertThat(storedCalendarRows(dataSource)).isEqualTo(before);
        ops().get(SCHEDULES + id + "/versions").then().body("version", contains(1));
    }

    @Test
    void holidaysOfAScheduleThatDoesNotExistAreNotFound() {
        long before = storedCalendarRows(dataSource);

        ops().contentType(TEXT_CALENDAR).body(CHRISTMAS).put(SCHEDULES + newId("missing") + "/holidays")
                .then().statusCode(404).contentType("application/problem+json");

        assertThat(storedCalendarRows(dataSource)).isEqualTo(before);
    }

    @Test
    void aCalendarSentAsJsonIsRefusedAsTheWrongMediaType() {
        String id = newId("imported");
        ops().contentType(ContentType.JSON).body(berlinOffice()).put(SCHEDULES + id).then().statusCode(201);

        ops().contentType(ContentType.JSON).body("{\"holidays\": []}").put(SCHEDULES + id + "/holidays")
                .then().statusCode(415).contentType("application/problem+json");
    }
}
