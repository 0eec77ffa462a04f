package io.supportflow.intake;

import static io.supportflow.intake.TicketRequests.WEB_KEY;
import static io.supportflow.intake.TicketRequests.json;
import static io.supportflow.intake.TicketRequests.validTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.supportflow.events.EventType;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.Topics;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TestClock;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import jakarta.inject.Inject;

/**
 * Submissions are stored many per transaction, and when more wait than intake takes on, the next one is
 * refused at once; a submission that waits is still received when its request was accepted. The writer is
 * held by a lock on the ticket table, so that the test decides what waits.
 */
@QuarkusTest
@TestProfile(SubmissionQueueTest.QueueOfForty.class)
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class SubmissionQueueTest {

    private static final int CAPACITY = 40;
    private static final Duration WAIT = Duration.ofSeconds(60);

    public static class QueueOfForty implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // One writer, so that the one held by the lock is the only one: what arrives meanwhile stays queued.
            return Map.of("supportflow.intake.submissions.queue-capacity", Integer.toString(CAPACITY),
                    "supportflow.intake.submissions.writers", "1");
        }
    }

    @TestHTTPResource("/api/v1/tickets")
    URI tickets;

    @Inject
    MeterRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    @TopicClients.Reads(Topics.TICKETS_RECEIVED)
    private TopicReader received;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private Connection lockHolder;

    @BeforeEach
    void holdTheWriter() throws SQLException {
        lockHolder = dataSource.getConnection();
        lockHolder.setAutoCommit(false);
        try (Statement lock = lockHolder.createStatement()) {
            // Reads go on, the writer's inserts into ticket wait: its batch stays open until the lock is let go.
            lock.execute("LOCK TABLE ticket IN SHARE MODE");
        }
    }

    @AfterEach
    void letGo() throws SQLException {
        TestClock.CLOCK.followSystemClock();
        if (lockHolder != null) {
            lockHolder.rollback();
            lockHolder.close();
        }
    }

    @Test
    void submissionsArrivingWhileABatchIsWrittenAreStoredTogetherEachAsItsOwnTicket() throws Exception {
        double batchesBefore = batchSizes().count();
        CompletableFuture<HttpResponse<String>> first = postAsync(validTicket("PRO"));
        Awaitility.await("the writer took the first").atMost(WAIT).until(() -> batchSizes().count() > batchesBefore);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>(List.of(first));
        for (int i = 0; i < 30; i++) {
            answers.add(postAsync(validTicket("BUSINESS")));
        }
        Awaitility.await("30 submissions queued").atMost(WAIT).until(() -> queued() == 30);

        lockHolder.rollback();

        List<String> ticketIds = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            ticketIds.add(json.readTree(response.body()).path("ticketId").asText());
        }
        assertThat(ticketIds).doesNotHaveDuplicates().hasSize(31);
        ticketIds.forEach(id -> received.awaitRecord(EventType.TICKET_RECEIVED, id, WAIT));
        assertThat(received.records()).hasSize(31);
        assertThat(batchSizes().count() - batchesBefore).as("transactions for 31 submissions").isEqualTo(2);
        assertThat(batchSizes().max()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void whenTheQueueIsFullASubmissionIsRefusedAtOnceWith503AndNothingOfItIsKept() throws Exception {
        double batchesBefore = batchSizes().count();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>(List.of(postAsync(validTicket("PRO"))));
        Awaitility.await("the writer took the first").atMost(WAIT).until(() -> batchSizes().count() > batchesBefore);
        for (int i = 0; i < CAPACITY; i++) {
            answers.add(postAsync(validTicket("PRO")));
        }
        Awaitility.await("the queue is full").atMost(WAIT).until(() -> queued() == CAPACITY);
        Map<String, Object> refusedTicket = validTicket("ENTERPRISE");

        HttpResponse<String> refused = postAsync(refusedTicket).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        lockHolder.rollback();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertThat(answer.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(202);
        }
        Awaitility.await("every accepted ticket published").atMost(WAIT)
                .until(() -> received.records().size() == CAPACITY + 1);
        assertThat(received.records()).extracting(record -> ((TicketReceived) record.envelope().event()).externalRef())
                .doesNotContain((String) refusedTicket.get("externalRef"));
        assertThat(postAsync(refusedTicket).get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode())
                .as("the same ticket posted again once intake caught up").isEqualTo(202);
    }

    @Test
    void aTicketWaitingInTheQueueKeepsTheMomentItsRequestWasAcceptedAsItsReceipt() throws Exception {
        double batchesBefore = batchSizes().count();
        CompletableFuture<HttpResponse<String>> first = postAsync(validTicket("PRO"));
        Awaitility.await("the writer took the first").atMost(WAIT).until(() -> batchSizes().count() > batchesBefore);
        // In the past, so that moving on to the system clock is an hour passing while the ticket waits.
        Instant acceptedAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        TestClock.CLOCK.set(acceptedAt);
        CompletableFuture<HttpResponse<String>> waiting = postAsync(validTicket("BUSINESS"));
        Awaitility.await("the second queued behind the first").atMost(WAIT).until(() -> queued() == 1);
        TestClock.CLOCK.followSystemClock();

        lockHolder.rollback();

        assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(202);
        HttpResponse<String> answer = waiting.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        String ticketId = json.readTree(answer.body()).path("ticketId").asText();
        TicketReceived event = (TicketReceived) received.awaitRecord(EventType.TICKET_RECEIVED, ticketId, WAIT)
                .envelope().event();
        assertThat(event.receivedAt()).as("stored an hour later, received when accepted").isEqualTo(acceptedAt);
        OtherServices.asAgent().get(TicketRequests.TICKETS + "/" + ticketId).then().statusCode(200)
                .body("receivedAt", equalTo(acceptedAt.toString()));
    }

    private CompletableFuture<HttpResponse<String>> postAsync(Map<String, Object> ticket) {
        HttpRequest request = HttpRequest.newBuilder(tickets).timeout(WAIT)
                .header("X-Api-Key", WEB_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(ticket))).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private DistributionSummary batchSizes() {
        return registry.find("intake.submissions.batch.size").summary();
    }

    private double queued() {
        return registry.find("intake.submissions.queued").gauge().value();
    }
}
