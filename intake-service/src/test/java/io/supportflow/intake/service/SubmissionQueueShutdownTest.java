package io.supportflow.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.supportflow.testing.SupportFlowTestResource;
import jakarta.inject.Inject;

/**
 * At shutdown the submissions already queued are still stored (and answered 202), while one arriving after
 * shutdown began is refused at once. The writer is held by a lock on the ticket table, so that the test
 * decides what is queued when the queue stops. The queue stays stopped: this profile has this test alone.
 */
@QuarkusTest
@TestProfile(SubmissionQueueShutdownTest.OneWriter.class)
@WithTestResource(SupportFlowTestResource.class)
class SubmissionQueueShutdownTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int QUEUED = 5;

    public static class OneWriter implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("supportflow.intake.submissions.writers", "1");
        }
    }

    @TestHTTPResource("/api/v1/tickets")
    URI tickets;

    @Inject
    SubmissionQueue queue;

    @Inject
    MeterRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void submissionsQueuedWhenShutdownBeginsAreStillStoredAndLaterOnesAreRefused() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> accepted = new ArrayList<>();
        Thread stopping = new Thread(() -> {
            try {
                ClientProxy.unwrap(queue).stop(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-shutdown");
        try (Connection lockHolder = dataSource.getConnection()) {
            lockHolder.setAutoCommit(false);
            try (Statement lock = lockHolder.createStatement()) {
                lock.execute("LOCK TABLE ticket IN SHARE MODE");
            }
            double batchesBefore = batchesWritten();
            accepted.add(postAsync());
            Awaitility.await("the writer took the first").atMost(WAIT).until(() -> batchesWritten() > batchesBefore);
            for (int i = 0; i < QUEUED; i++) {
                accepted.add(postAsync());
            }
            Awaitility.await("submissions queued").atMost(WAIT).until(() -> queued() == QUEUED);

            stopping.start();
            Awaitility.await("shutdown waits for the writer's batch").atMost(WAIT)
                    .until(() -> stopping.getState() == Thread.State.TIMED_WAITING);
            HttpResponse<String> refused = postAsync().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            lockHolder.rollback();
        }

        stopping.join(WAIT.toMillis());
        assertThat(stopping.isAlive()).isFalse();
        for (CompletableFuture<HttpResponse<String>> answer : accepted) {
            HttpResponse<String> response = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        }
        assertThat(queued()).isZero();
    }

    private CompletableFuture<HttpResponse<String>> postAsync() {
        String ticket = """
                {"externalRef":"%s","plan":"PRO","customer":{"accountId":"ACME-7","name":"Ada Lovelace",
                 "email":"ada@example.com","locale":"en"},"subject":"Cannot join any meeting",
                 "description":"Every join fails."}""".formatted("ref-" + UUID.randomUUID());
        HttpRequest request = HttpRequest.newBuilder(tickets).timeout(WAIT)
                .header("X-Api-Key", "dev-web-key").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ticket)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private double batchesWritten() {
        return registry.find("intake.submissions.batch.size").summary().count();
    }

    private double queued() {
        return registry.find("intake.submissions.queued").gauge().value();
    }
}
