package io.supportflow.intake;

import static io.supportflow.intake.OtherServices.asAgent;
import static io.supportflow.intake.OtherServices.asOps;
import static io.supportflow.intake.TicketRequests.CHAT_KEY;
import static io.supportflow.intake.TicketRequests.TICKETS;
import static io.supportflow.intake.TicketRequests.WEB_KEY;
import static io.supportflow.intake.TicketRequests.submit;
import static io.supportflow.intake.TicketRequests.validTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.CustomerNotified;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.PrioritySource;
import io.supportflow.events.SlaWarning;
import io.supportflow.testing.SupportFlowTestResource;
import jakarta.inject.Inject;

/** The view is a cache of the topics: wiped or tampered with, it is rebuilt from the topics alone, identical. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class TicketViewRebuildTest {

    @Inject
    AgroalDataSource dataSource;

    private final OtherServices services = new OtherServices();

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void aWipedViewIsRestoredFromTheTopics() throws SQLException {
        Map<String, String> before = ticketsWithHistory();

        sql("DELETE FROM timeline_entry", "DELETE FROM ticket_view",
                "DELETE FROM processed_event WHERE consumer = 'intake-service/ticket-view'");
        before.keySet().forEach(id -> asAgent().get(TICKETS + "/" + id).then().statusCode(404));

        asOps().post("/api/v1/admin/ticket-view/rebuild").then().statusCode(200)
                .body("replayed", greaterThan(before.size()));
        assertThat(views(before.keySet().stream().toList())).isEqualTo(before);
    }

    @Test
    void aRebuildDiscardsWhateverTheViewSaidThatTheTopicsDoNot() throws SQLException {
        Map<String, String> before = ticketsWithHistory();
        String tampered = before.keySet().iterator().next();

        sql("UPDATE ticket_view SET status = 'RESOLVED', priority = 'P4', subject = 'forged' WHERE ticket_id = '"
                + tampered + "'", "DELETE FROM timeline_entry WHERE ticket_id = '" + tampered + "'");
        assertThat(views(List.of(tampered))).isNotEqualTo(Map.of(tampered, before.get(tampered)));

        asOps().post("/api/v1/admin/ticket-view/rebuild").then().statusCode(200);
        assertThat(views(before.keySet().stream().toList())).isEqualTo(before);
    }

    @Test
    void onlyOpsMayRebuild() {
        asAgent().post("/api/v1/admin/ticket-view/rebuild").then().statusCode(403);
    }

    /** Two tickets with events from several topics, as the view shows them once everything arrived. */
    private Map<String, String> ticketsWithHistory() {
        String web = submit(WEB_KEY, validTicket("PRO"));
        String chat = submit(CHAT_KEY, validTicket("BUSINESS"));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        services.publish("triage-service", at, new PriorityAssigned(web, Priority.P2, null, PrioritySource.RULES,
                "impaired", null, null, at));
        services.publish("notification-service", at.plusSeconds(1), new CustomerNotified(web,
                NotificationKind.TICKET_LOGGED, "ada@example.com", "<m3@example.com>", at.plusSeconds(1)));
        services.publish("sla-service", at.plusSeconds(2), new SlaWarning(chat, Plan.BUSINESS, Priority.P1,
                Duration.ofHours(1), at, at.plusSeconds(3600), at.plusSeconds(2)));
        asAgent().contentType("application/json").body("{\"note\":\"done\"}")
                .post(TICKETS + "/" + web + "/resolve").then().statusCode(200);
        asAgent().contentType("application/json").post(TICKETS + "/" + web + "/reopen").then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            asAgent().get(TICKETS + "/" + web).then().body("timeline", hasSize(5)).body("priority", equalTo("P2"));
            asAgent().get(TICKETS + "/" + chat).then().body("timeline", hasSize(2)).body("sla.state", equalTo("WARNING"));
        });
        return views(List.of(web, chat));
    }

    private static Map<String, String> views(List<String> ticketIds) {
        Map<String, String> views = new LinkedHashMap<>();
        ticketIds.forEach(id -> views.put(id, asAgent().get(TICKETS + "/" + id).then().statusCode(200)
                .extract().asString()));
        return views;
    }

    private void sql(String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
        }
    }
}
