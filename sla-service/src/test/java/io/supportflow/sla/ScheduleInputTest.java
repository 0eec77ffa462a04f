package io.supportflow.sla;

import static io.supportflow.sla.CalendarRequests.SCHEDULES;
import static io.supportflow.sla.CalendarRequests.berlinOffice;
import static io.supportflow.sla.CalendarRequests.newId;
import static io.supportflow.sla.CalendarRequests.ops;
import static io.supportflow.sla.CalendarRequests.storedCalendarRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.supportflow.events.EventType;
import io.supportflow.events.Topics;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;

/**
 * A schedule that is not one is refused whole: 400 problem+json naming each field at fault, without repeating the
 * bad text, and nothing stored (no version, no outbox row) or published (a schedule changed after it arrives on
 * the topic alone).
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class ScheduleInputTest extends SlaTestBase {

    private static final String MONDAY = "\"week\": {\"MONDAY\": %s}";
    private static final String BERLIN = "{\"zone\": \"Europe/Berlin\", ";

    @TopicClients.Reads(Topics.SLA_SCHEDULES)
    TopicReader calendarTopic;

    static Stream<Arguments> badSchedules() {
        return Stream.of(
                Arguments.of("an unknown zone", "{\"zone\": \"Mars/Olympus_Mons\", " + monday("08:00", "18:00") + "}",
                        "zone", "Olympus"),
                Arguments.of("a zone that is markup", "{\"zone\": \"<script>\", " + monday("08:00", "18:00")
                        + "}", "zone", "<script>"),
                Arguments.of("no zone", "{" + monday("08:00", "18:00") + "}", "zone", null),
                Arguments.of("overlapping intervals", BERLIN + MONDAY.formatted(
                        "[{\"from\": \"08:00\", \"to\": \"12:00\"}, {\"from\": \"11:00\", \"to\": \"18:00\"}]") + "}",
                        "week.MONDAY", null),
                Arguments.of("an end before the start", BERLIN + monday("18:00", "08:00") + "}", "week.MONDAY[0]", null),
                Arguments.of("an end equal to the start", BERLIN + monday("08:00", "08:00") + "}", "week.MONDAY[0]", null),
                Arguments.of("a time that is no time", BERLIN + monday("8am", "18:00") + "}", "week.MONDAY[0]", "8am"),
                Arguments.of("an hour past the day", BERLIN + monday("08:00", "25:00") + "}", "week.MONDAY[0]", "25:00"),
                Arguments.of("no end", BERLIN + MONDAY.formatted("[{\"from\": \"08:00\"}]") + "}", "week.MONDAY[0]", null),
                Arguments.of("a null interval", BERLIN + MONDAY.formatted("[null]") + "}", "week.MONDAY[0]", null),
                Arguments.of("intervals that are not a list", BERLIN + MONDAY.formatted("\"08:00-18:00\"") + "}",
                        "week.MONDAY", "08:00-18:00"),
                Arguments.of("an unknown day", BERLIN + "\"week\": {\"FUNDAY\": []}}", "week", "FUNDAY"),
                Arguments.of("a day in lower case", BERLIN + "\"week\": {\"monday\": []}}", "week", null),
                Arguments.of("no week", "{\"zone\": \"Europe/Berlin\"}", "week", null),
                Arguments.of("a week that is a number", BERLIN + "\"week\": 5}", "week", null),
                Arguments.of("a date that does not exist", BERLIN + monday("08:00", "18:00")
                        + ", \"holidays\": [{\"date\": \"2027-02-30\", \"name\": \"Nope\"}]}", "holidays[0].date", null),
                Arguments.of("a date that is words", BERLIN + monday("08:00", "18:00")
                        + ", \"holidays\": [{\"date\": \"next tuesday\", \"name\": \"Nope\"}]}", "holidays[0].date",
                        "next tuesday"),
                Arguments.of("a null holiday", BERLIN + monday("08:00", "18:00") + ", \"holidays\": [null]}",
                        "holidays[0]", null),
                Arguments.of("holidays that are not a list", BERLIN + monday("08:00", "18:00")
                        + ", \"holidays\": \"2027-10-03\"}", "holidays", null),
                Arguments.of("a body that is not JSON", "{\"zone\": ", "body", null),
                Arguments.of("no body", "", "body", null));
    }

    private static String monday(String from, String to) {
        return MONDAY.formatted("[{\"from\": \"" + from + "\", \"to\": \"" + to + "\"}]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSchedules")
    void aBadScheduleIsRefusedNamingTheFieldAndNothingIsStoredOrPublished(String fault, String body, String field,
                                                                          String neverEchoed) {
        String id = newId("refused");
        long before = storedCalendarRows(dataSource);

        Response answer = ops().contentType(ContentType.JSON).body(body).put(SCHEDULES + id);

        answer.then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400))
                .body("errors.field", hasItem(startsWith(field)));
        if (neverEchoed != null) {
            assertThat(answer.asString()).doesNotContain(neverEchoed);
        }
        assertThat(storedCalendarRows(dataSource)).isEqualTo(before);
        ops().get(SCHEDULES + id).then().statusCode(404);
        assertNothingPublishedFor(id);
    }

    @Test
    void everyFieldAtFaultIsNamedInOneAnswerByItsPlaceInTheRequest() {
        String body = "{\"zone\": \"Nowhere/Special\", \"week\": {\"FUNDAY\": [], \"TUESDAY\": [null, {\"from\": "
                + "\"12:00\", \"to\": \"09:00\"}]}, \"holidays\": [{\"date\": \"2027-13-01\", \"name\": \"Nope\"}, "
                + "{\"date\": \"2027-10-03\", \"name\": \"Two\\nlines\"}, {\"date\": \"2027-10-03\", \"name\": \"Again\"}]}";

        ops().contentType(ContentType.JSON).body(body).put(SCHEDULES + newId("refused"))
                .then().statusCode(400)
                .body("errors.field", hasItem("zone"))
                .body("errors.field", hasItem("week"))
                .body("errors.field", hasItem("week.TUESDAY[0]"))
                .body("errors.field", hasItem("week.TUESDAY[1].to"))
                .body("errors.field", hasItem("holidays[0].date"))
                .body("errors.field", hasItem("holidays[1].name"))
                .body("errors.field", hasItem("holidays[2].date"));
    }

    @Test
    void anIdOutsideLowerCaseLettersDigitsAndDashesIsRefusedNamingIt() {
        long before = storedCalendarRows(dataSource);

        for (String id : new String[] {"Berlin", "berlin_office", "x".repeat(65), "caf%C3%A9"}) {
            ops().contentType(ContentType.JSON).body(berlinOffice()).put(SCHEDULES + id)
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("id"));
        }
        assertThat(storedCalendarRows(dataSource)).isEqualTo(before);
    }

    /** Publishes a good schedule after the refused one: once it has arrived, so would have anything before it. */
    private void assertNothingPublishedFor(String refusedId) {
        String probe = newId("probe");
        ops().contentType(ContentType.JSON).body(berlinOffice()).put(SCHEDULES + probe).then().statusCode(201);
        calendarTopic.awaitRecord(EventType.SCHEDULE_CHANGED, "schedule:" + probe, SOON);
        assertThat(calendarTopic.records(r -> ("schedule:" + refusedId).equals(r.key()))).isEmpty();
    }
}
