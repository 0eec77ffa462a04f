package io.supportflow.sla;

import static io.supportflow.sla.CalendarRequests.ROTATIONS;
import static io.supportflow.sla.CalendarRequests.SCHEDULES;
import static io.supportflow.sla.CalendarRequests.berlinOffice;
import static io.supportflow.sla.CalendarRequests.member;
import static io.supportflow.sla.CalendarRequests.newId;
import static io.supportflow.sla.CalendarRequests.ops;
import static io.supportflow.sla.CalendarRequests.storedCalendarRows;
import static io.supportflow.sla.CalendarRequests.threeTurns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supportflow.events.DeterministicIds;
import io.supportflow.events.EventType;
import io.supportflow.events.OnCallMember;
import io.supportflow.events.Recipient;
import io.supportflow.events.RotationChanged;
import io.supportflow.events.Topics;
import io.supportflow.sla.service.Calendars;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import jakarta.inject.Inject;

/** Ops say who is on call when; the rotation is versioned and published like a schedule. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class RotationApiTest extends SlaTestBase {

    private static final Instant HANDOVER = Instant.parse("2031-06-02T06:00:00Z");

    @TopicClients.Reads(Topics.SLA_SCHEDULES)
    TopicReader calendarTopic;

    @Inject
    Calendars calendars;

    @Test
    void theMemberOnCallChangesWithEveryShiftAndAPageReachesThemAndTheWebhooks() {
        String id = newId("rota");
        setClock(HANDOVER.plusSeconds(13 * 3600));

        ops().contentType(ContentType.JSON).body(threeTurns(HANDOVER.toString())).put(ROTATIONS + id)
                .then().statusCode(201).body("version", equalTo(1)).body("shift", equalTo("PT12H"))
                .body("onCallNow.name", equalTo("Grace")).body("webhooks", contains("pager"));

        onCallAt(id, HANDOVER.plusSeconds(3600), "Ada");
        onCallAt(id, HANDOVER.plusSeconds(13 * 3600), "Grace");
        onCallAt(id, HANDOVER.plusSeconds(25 * 3600), "Linus");
        onCallAt(id, HANDOVER.plusSeconds(37 * 3600), "Ada");
        ops().get(ROTATIONS + id + "/on-call?at=" + HANDOVER.plusSeconds(25 * 3600)).then()
                .body("paged.kind", contains("EMAIL", "WEBHOOK"))
                .body("paged.address", contains("linus@supportflow.example", "pager"));
        assertThat(calendars.rotation(id).orElseThrow().pageAt(HANDOVER.plusSeconds(3600)))
                .containsExactly(Recipient.email("ada@supportflow.example"), Recipient.webhook("pager"));

        ReceivedRecord record = calendarTopic.awaitRecord(EventType.ROTATION_CHANGED, "rotation:" + id, SOON);
        RotationChanged published = (RotationChanged) record.envelope().event();
        assertThat(published.members()).extracting(OnCallMember::name).containsExactly("Ada", "Grace", "Linus");
        assertThat(published.changedBy()).isEqualTo("ops");
        assertThat(record.envelope().id())
                .isEqualTo(DeterministicIds.eventId("rotation:" + id + "/v1", "rotation-changed"));
    }

    @Test
    void everyChangeIsANewVersionAndTheHistoryStays() {
        String id = newId("rota");
        ops().contentType(ContentType.JSON).body(threeTurns(HANDOVER.toString())).put(ROTATIONS + id)
                .then().statusCode(201);
        Map<String, Object> weekly = threeTurns(HANDOVER.toString());
        weekly.put("shift", "P7D");
        weekly.put("webhooks", List.of());

        ops().contentType(ContentType.JSON).body(weekly).put(ROTATIONS + id)
                .then().statusCode(200).body("version", equalTo(2)).body("shift", equalTo("PT168H"));

        ops().get(ROTATIONS + id + "/versions").then().statusCode(200)
                .body("version", contains(1, 2)).body("shift", contains("PT12H", "PT168H"));
        ops().get(ROTATIONS).then().body("find { it.id == '%s' }.version".formatted(id), equalTo(2));
        onCallAt(id, HANDOVER.plusSeconds(13 * 3600), "Ada");
        assertThat(calendars.rotation(id).orElseThrow().webhooks()).isEmpty();
    }

    @Test
    void aRotationOrScheduleReadAndSentBackIsTakenWithTheFieldsOnlyAGetShows() {
        String rotation = newId("rota");
        ops().contentType(ContentType.JSON).body(threeTurns(HANDOVER.toString())).put(ROTATIONS + rotation)
                .then().statusCode(201);
        String rotationAsRead = ops().get(ROTATIONS + rotation).then().statusCode(200).extract().asString();
        ops().contentType(ContentType.JSON).body(rotationAsRead).put(ROTATIONS + rotation).then().statusCode(200);

        String schedule = newId("office");
        ops().contentType(ContentType.JSON).body(berlinOffice()).put(SCHEDULES + schedule).then().statusCode(201);
        String scheduleAsRead = ops().get(SCHEDULES + schedule).then().statusCode(200).extract().asString();
        ops().contentType(ContentType.JSON).body(scheduleAsRead).put(SCHEDULES + schedule).then().statusCode(200);
    }

    static Stream<Arguments> badRotations() {
        return Stream.of(
                Arguments.of("no handover", without("handoverAt"), "handoverAt"),
                Arguments.of("a handover that is no instant", with("handoverAt", "next monday"), "handoverAt"),
                Arguments.of("no shift", without("shift"), "shift"),
                Arguments.of("a shift that is no duration", with("shift", "a week"), "shift"),
                Arguments.of("a shift of a minute", with("shift", "PT1M"), "shift"),
                Arguments.of("a negative shift", with("shift", "-PT12H"), "shift"),
                Arguments.of("no members", with("members", List.of()), "members"),
                Arguments.of("a member without an address", with("members", List.of(Map.of("name", "Ada"))),
                        "members[0].email"),
                Arguments.of("a member whose address is none", with("members",
                        List.of(member("Ada", "ada at example"))), "members[0].email"),
                Arguments.of("a webhook name that is a URL", with("webhooks", List.of("https://pager.example/hook")),
                        "webhooks[0]"),
                Arguments.of("members that are not a list", with("members", "Ada"), "members"));
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> rotation = threeTurns(HANDOVER.toString());
        rotation.put(field, value);
        return rotation;
    }

    private static Map<String, Object> without(String field) {
        Map<String, Object> rotation = threeTurns(HANDOVER.toString());
        rotation.remove(field);
        return rotation;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRotations")
    void aBadRotationIsRefusedNamingTheFieldAndNothingIsStored(String fault, Map<String, Object> body, String field) {
        String id = newId("refused");
        long before = storedCalendarRows(dataSource);

        ops().contentType(ContentType.JSON).body(body).put(ROTATIONS + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(startsWith(field)));

        assertThat(storedCalendarRows(dataSource)).isEqualTo(before);
        ops().get(ROTATIONS + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onCallAtAnInstantThatIsNoneIsRefusedNamingAtAndAnUnknownRotationIsNotFound() {
        ops().get(ROTATIONS + "default/on-call?at=tomorrow").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("at"));
        ops().get(ROTATIONS + "default/on-call").then().statusCode(400).body("errors.field", hasItem("at"));
        ops().get(ROTATIONS + newId("unknown") + "/on-call?at=" + HANDOVER).then().statusCode(404)
                .contentType("application/problem+json");
        ops().get(ROTATIONS + newId("unknown") + "/versions").then().statusCode(404);
    }

    private static void onCallAt(String id, Instant at, String name) {
        ops().get(ROTATIONS + id + "/on-call?at=" + at).then().statusCode(200)
                .body("at", equalTo(at.toString())).body("onCall.name", equalTo(name));
    }
}
