package io.supportflow.sla;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.supportflow.events.Topics;
import io.supportflow.testing.StoredRows;

/** Requests to the schedule and rotation API as ops and agents send them, and what the service stored of them. */
final class CalendarRequests {

    static final String SCHEDULES = "/api/v1/schedules/";
    static final String ROTATIONS = "/api/v1/rotations/";

    private CalendarRequests() {
    }

    static RequestSpecification ops() {
        return given().auth().preemptive().basic("ops", "ops-dev-password");
    }

    static RequestSpecification agent() {
        return given().auth().preemptive().basic("agent", "agent-dev-password");
    }

    static RequestSpecification opsJson(String body) {
        return ops().contentType(ContentType.JSON).body(body);
    }

    /** An id no other test uses. */
    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Berlin, Monday to Friday 08:00–18:00, no holidays. */
    static Map<String, Object> berlinOffice() {
        Map<String, Object> week = new LinkedHashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            week.put(day, List.of(interval("08:00", "18:00")));
        }
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("zone", "Europe/Berlin");
        schedule.put("week", week);
        schedule.put("holidays", List.of());
        return schedule;
    }

    static Map<String, String> interval(String from, String to) {
        return Map.of("from", from, "to", to);
    }

    static Map<String, String> holiday(String date, String name) {
        return Map.of("date", date, "name", name);
    }

    static Map<String, Object> member(String name, String email) {
        return Map.of("name", name, "email", email);
    }

    /** Three people taking 12-hour turns from {@code handoverAt}, paged with the {@code pager} webhook. */
    static Map<String, Object> threeTurns(String handoverAt) {
        Map<String, Object> rotation = new LinkedHashMap<>();
        rotation.put("handoverAt", handoverAt);
        rotation.put("shift", "PT12H");
        rotation.put("members", List.of(member("Ada", "ada@supportflow.example"),
                member("Grace", "grace@supportflow.example"), member("Linus", "linus@supportflow.example")));
        rotation.put("webhooks", List.of("pager"));
        return rotation;
    }

    /** Every version stored and every calendar event waiting in or sent from the outbox. */
    static long storedCalendarRows(DataSource database) {
        return StoredRows.count(database, "sla_calendar_version")
                + StoredRows.countAmong(database, "SELECT count(*) FROM outbox_event WHERE topic = ANY (?)",
                List.of(Topics.SLA_SCHEDULES));
    }
}
