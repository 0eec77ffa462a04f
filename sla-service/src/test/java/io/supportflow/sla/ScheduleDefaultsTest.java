package io.supportflow.sla;

import static io.supportflow.sla.CalendarRequests.ROTATIONS;
import static io.supportflow.sla.CalendarRequests.SCHEDULES;
import static io.supportflow.sla.CalendarRequests.newId;
import static io.supportflow.sla.CalendarRequests.ops;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.DeterministicIds;
import io.supportflow.events.ScheduleChanged;
import io.supportflow.sla.domain.hours.BusinessSchedule;
import io.supportflow.sla.service.CalendarDefaults;
import io.supportflow.sla.service.Calendars;
import io.supportflow.sla.service.ScheduleService;
import io.supportflow.testing.StoredRows;
import io.supportflow.testing.SupportFlowTestResource;
import jakarta.inject.Inject;

/** The schedule and rotation that ship are stored once, at the first start, and published like any change. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class ScheduleDefaultsTest {

    @Inject
    Calendars calendars;
    @Inject
    CalendarDefaults defaults;
    @Inject
    ScheduleService schedules;
    @Inject
    javax.sql.DataSource dataSource;

    @Test
    void theDefaultScheduleIsBerlinOfficeHoursClosedOnGermanPublicHolidays() {
        ops().get(SCHEDULES + "default").then().statusCode(200)
                .body("zone", equalTo("Europe/Berlin"))
                .body("week.MONDAY[0].from", equalTo("08:00")).body("week.FRIDAY[0].to", equalTo("18:00"))
                .body("week", not(hasKey("SATURDAY"))).body("week", not(hasKey("SUNDAY")))
                .body("holidays.find { it.date == '2027-10-03' }.name", equalTo("Tag der Deutschen Einheit"))
                .body("holidays.find { it.date == '2027-03-26' }.name", equalTo("Karfreitag"));
        ops().get(SCHEDULES + "default/versions").then().statusCode(200)
                .body("version", contains(1)).body("[0].changedBy", equalTo("sla-service"));
        assertThat(StoredRows.countAmong(dataSource, "SELECT count(*) FROM outbox_event WHERE event_id = ANY (?)",
                List.of(DeterministicIds.eventId("schedule:default/v1", "schedule-changed")))).isEqualTo(1);

        BusinessSchedule berlin = calendars.schedule("default");
        assertThat(berlin.isOpen(Instant.parse("2027-03-25T10:00:00Z"))).as("Thursday before Easter").isTrue();
        assertThat(berlin.isOpen(Instant.parse("2027-03-26T10:00:00Z"))).as("Good Friday").isFalse();
        assertThat(berlin.nextOpening(Instant.parse("2027-03-26T10:00:00Z")))
                .as("Tuesday after Easter Monday, 08:00 summer time").contains(Instant.parse("2027-03-30T06:00:00Z"));
    }

    @Test
    void theDefaultRotationIsTheConfiguredMember() {
        // Other tests put later versions of the default rotation: the first is the one stored at start.
        ops().get(ROTATIONS + "default/versions").then().statusCode(200)
                .body("[0].version", equalTo(1))
                .body("[0].changedBy", equalTo("sla-service"))
                .body("[0].members[0].name", equalTo("On call"))
                .body("[0].members[0].email", equalTo("oncall@supportflow.example"))
                .body("[0].webhooks.size()", equalTo(0)).body("[0].shift", equalTo("PT168H"));
        assertThat(calendars.rotation("default")).isPresent();
    }

    @Test
    void aStoredScheduleIsNeverCreatedAgainAndOfManyCreatingOneAtOnceOneStoresIt() throws Exception {
        assertThat(schedules.createIfAbsent("default", defaults.schedule(), "sla-service")).isEmpty();
        ops().get(SCHEDULES + "default/versions").then().body("version", contains(1));

        String id = newId("seeded");
        ExecutorService instances = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Optional<ScheduleChanged>>> starts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                starts.add(CompletableFuture.supplyAsync(
                        () -> schedules.createIfAbsent(id, defaults.schedule(), "sla-service"), instances));
            }
            List<Optional<ScheduleChanged>> stored = new ArrayList<>();
            for (CompletableFuture<Optional<ScheduleChanged>> start : starts) {
                stored.add(start.get());
            }
            assertThat(stored).filteredOn(Optional::isPresent).hasSize(1);
        } finally {
            instances.shutdown();
        }
        ops().get(SCHEDULES + id + "/versions").then().body("version", contains(1));
    }
}
