package io.supportflow.sla;

import static io.restassured.RestAssured.given;
import static io.supportflow.sla.CalendarRequests.ROTATIONS;
import static io.supportflow.sla.CalendarRequests.SCHEDULES;
import static io.supportflow.sla.CalendarRequests.agent;
import static io.supportflow.sla.CalendarRequests.berlinOffice;
import static io.supportflow.sla.CalendarRequests.newId;
import static io.supportflow.sla.CalendarRequests.storedCalendarRows;
import static io.supportflow.sla.CalendarRequests.threeTurns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supportflow.testing.SupportFlowTestResource;
import jakarta.inject.Inject;

/** Agents read schedules and rotations (they plan their work by them); only ops change them. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class ScheduleAccessTest {

    @Inject
    DataSource dataSource;

    @Test
    void agentsReadSchedulesAndRotations() {
        agent().get(SCHEDULES).then().statusCode(200);
        agent().get(SCHEDULES + "default").then().statusCode(200).body("id", equalTo("default"));
        agent().get(SCHEDULES + "default/versions").then().statusCode(200);
        agent().get(ROTATIONS).then().statusCode(200);
        agent().get(ROTATIONS + "default").then().statusCode(200);
        agent().get(ROTATIONS + "default/on-call?at=2031-01-01T00:00:00Z").then().statusCode(200);
    }

    @Test
    void anAgentChangingAScheduleOrRotationIsForbiddenAsAProblemAndNothingIsStored() {
        long before = storedCalendarRows(dataSource);

        agent().contentType(ContentType.JSON).body(berlinOffice()).put(SCHEDULES + newId("agents"))
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        agent().contentType("text/calendar").body("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n").put(SCHEDULES + "default/holidays")
                .then().statusCode(403).contentType("application/problem+json");
        agent().contentType(ContentType.JSON).body(threeTurns("2031-01-01T00:00:00Z")).put(ROTATIONS + newId("agents"))
                .then().statusCode(403).contentType("application/problem+json");

        assertThat(storedCalendarRows(dataSource)).isEqualTo(before);
    }

    @Test
    void withoutCredentialsEveryCallIsUnauthorizedAsAProblem() {
        given().get(SCHEDULES).then().statusCode(401).contentType("application/problem+json");
        given().get(ROTATIONS + "default").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(berlinOffice()).put(SCHEDULES + newId("anonymous"))
                .then().statusCode(401).contentType("application/problem+json");
    }
}
