package io.supportflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.EventType;
import io.supportflow.events.Plan;
import io.supportflow.sla.service.SlaClocks;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.StoredRows;
import io.supportflow.testing.SupportFlowTestResource;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
class ConcurrentScannersTest extends SlaTestBase {

    private static final int CLOCKS = 200;

    @Inject
    SlaClocks clocks;

    @Inject
    MeterRegistry registry;

    @Test
    void scannersSharingTheDatabaseClaimEachDueClockOnceAndBreachItOnce() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CLOCKS; i++) {
            Tickets ticket = Tickets.newTicket();
            ids.add(ticket.ticketId());
            publish(ticket.received(Plan.FREE, start));
        }
        Awaitility.await("all clocks started").atMost(Duration.ofSeconds(60)).until(() -> startedClocks(ids) == CLOCKS);
        double claimedBefore = claimed();

        setClock(start.plus(Duration.ofHours(25)));
        // Two more scanner instances race the service's own one over the same rows.
        CompletableFuture<Void> first = CompletableFuture.runAsync(this::scanUntilNothingIsDue);
        CompletableFuture<Void> second = CompletableFuture.runAsync(this::scanUntilNothingIsDue);
        CompletableFuture.allOf(first, second).join();

        Awaitility.await("a breach for every clock").atMost(Duration.ofSeconds(30))
                .until(() -> breaches(ids).size() >= CLOCKS);
        assertThat(breaches(ids).stream().map(ReceivedRecord::key).distinct()).hasSize(CLOCKS);
        assertThat(breaches(ids)).hasSize(CLOCKS);
        assertThat(claimed() - claimedBefore).isEqualTo(CLOCKS);
    }

    private void scanUntilNothingIsDue() {
        IntStream.iterate(0, i -> i + 1).map(i -> clocks.scanDue(10)).filter(handled -> handled == 0).findFirst();
    }

    private List<ReceivedRecord> breaches(List<String> ids) {
        return sla.records(r -> EventType.SLA_BREACHED.ceType().equals(r.header("ce_type")) && ids.contains(r.key()));
    }

    private double claimed() {
        return registry.get("sla.scanner.clocks").counter().count();
    }

    private long startedClocks(List<String> ids) {
        return StoredRows.countAmong(dataSource,
                "SELECT count(*) FROM sla_clock WHERE ticket_id = ANY (?) AND due_at IS NOT NULL", ids);
    }
}
