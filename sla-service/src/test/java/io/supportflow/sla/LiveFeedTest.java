package io.supportflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.testing.SupportFlowTestResource;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class LiveFeedTest extends SlaTestBase {

    @TestHTTPResource("/api/v1/sla/stream")
    URI stream;

    @Test
    void opsWatchingTheStreamSeeEachSlaEventAsItHappens() {
        List<String> lines = new CopyOnWriteArrayList<>();
        String basic = Base64.getEncoder().encodeToString("ops:ops-dev-password".getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(stream).header("Authorization", "Basic " + basic)
                .header("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> r.body().forEach(lines::add));
        setClock(start.plus(Duration.ofHours(2)));

        // The feed joins the topics when the service starts; keep producing until it has caught one.
        Tickets[] last = new Tickets[1];
        Awaitility.await("an SLA breach on the stream").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(3))
                .until(() -> {
                    if (last[0] != null && lines.stream().anyMatch(l -> l.contains(last[0].ticketId()))) {
                        return true;
                    }
                    last[0] = Tickets.newTicket();
                    publish(last[0].received(Plan.PRO, start), last[0].assigned(Priority.P1, start));
                    return false;
                });

        assertThat(response.join().statusCode()).isEqualTo(200);
        assertThat(lines).contains("event:supportflow.sla.breached.v1");
        assertThat(lines).anyMatch(l -> l.startsWith("data:") && l.contains("\"reference\":\"" + last[0].reference()));
    }
}
