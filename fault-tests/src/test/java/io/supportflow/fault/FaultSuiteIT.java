package io.supportflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.supportflow.events.Topics;
import io.supportflow.testing.DatabaseOutage;
import io.supportflow.testing.ProcessStack;
import io.supportflow.testing.ServiceProcess;
import io.supportflow.testing.TopicReader;

/**
 * Faults injected into the packaged system while a channel adapter posts a steady stream of
 * tickets. After each scenario, every ticket that got a 202 must have exactly one TicketReceived,
 * one triage decision, one TICKET_LOGGED notification (and its mail), one SLA outcome and at most
 * one breach. The figures of each run go to {@code target/fault-report.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    private static final boolean FULL = Boolean.getBoolean("chaos.full");
    private static final String RELAY_ROUND_FAILED = "outbox-relay: a round failed";

    private static ProcessStack stack;
    private static FaultRun run;

    @BeforeAll
    static void startTheSystem() {
        stack = ProcessStack.onOwnPostgres();
        stack.start(Map.of("SUPPORTFLOW_NOTIFICATION_OPS_ADDRESSES", "ops@supportflow.test"));
        run = new FaultRun(stack, Duration.ofMillis(FULL ? 100 : 250));
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
        if (run != null) {
            run.writeReport("fault-report.md");
        }
    }

    @Test
    @Order(1)
    void killingEachServiceMidLoadLosesNoAcceptedTicket() {
        run.underLoad("kill -9 of each service, then restart", "5 kills", load -> {
            // Each restarts while the next is killed: a service comes back among others that are down or starting.
            List<ServiceProcess> killed = ProcessStack.SERVICES.stream().map(stack::service).toList();
            for (ServiceProcess service : killed) {
                service.stop(true);
                FaultRun.awaitMore(load::attempts, 6);
                service.start();
            }
            killed.forEach(service -> service.awaitReady(FaultRun.RESTART));
        });
    }

    @Test
    @Order(2)
    void droppingEachServicesDatabaseConnectionsMidLoadLosesNothing() {
        run.underLoad("PostgreSQL connections of each service terminated (pg_terminate_backend)", "5 terminations", load -> {
            for (String name : ProcessStack.SERVICES) {
                DatabaseOutage.terminateConnections(stack.databaseUrl(name));
                FaultRun.awaitMore(load::attempts, 4);
            }
        });
    }

    @Test
    @Order(3)
    void crashingPostgresMidLoadAndStartingItAgainLosesNothing() {
        // Longer than the 8 ordinary attempts of a consumer's retry (16 s of pauses, about 30 s in all while
        // connections fail): only the budget for an unreachable database keeps the records in flight off
        // the dead-letter topics.
        int failedRelayRounds = FULL ? 40 : 20;
        ServiceProcess intake = stack.service("intake-service");
        Duration[] down = new Duration[1];
        run.underLoad("PostgreSQL server crash (pg_ctl stop -m immediate), then start", () -> "1 crash, down "
                + down[0].toSeconds() + " s", load -> {
                    Instant crashed = Instant.now();
                    stack.postgres().crash();
                    // Intake's outbox relay retries once a second: the server stays down for that many failed rounds.
                    FaultRun.awaitMore(() -> intake.logCount(RELAY_ROUND_FAILED), failedRelayRounds);
                    stack.postgres().start();
                    down[0] = Duration.between(crashed, Instant.now());
                });
    }

    @Test
    @Order(4)
    void restartingTheBrokerMidLoadLosesNothing() {
        run.underLoad("Kafka broker restart (same port and data)", "1 restart", load -> {
            stack.broker().stop();
            // Each post waits for intake's publication timeout while the broker is down.
            FaultRun.awaitMore(load::attempts, FULL ? 6 : 3);
            stack.broker().start();
        });
    }

    @Test
    @Order(5)
    void aMailOutageDelaysButLosesNoTicketLoggedMessage() {
        Duration outage = FULL ? Duration.ofSeconds(60) : Duration.ofSeconds(15);
        run.underLoad("SMTP server down for " + outage.toSeconds() + " s", "1 outage", load -> {
            stack.mail().stop();
            // The outage lasts while the load posts on for its length: those tickets' mails must wait.
            FaultRun.awaitMore(load::attempts, (int) (outage.toMillis() / run.loadInterval().toMillis()));
            stack.mail().start();
        });
    }

    @Test
    @Order(6)
    void poisonRecordsOnEveryTopicGoToItsDeadLetterTopicAndConsumersCarryOn() {
        List<String> poisonKeys = new ArrayList<>();
        try (TopicReader deadLetters = TopicReader.fromNow(stack.broker().bootstrapServers(),
                PoisonRecords.CONSUMED.stream().map(Topics::deadLetter).toArray(String[]::new))) {
            run.underLoad("poison records on all " + PoisonRecords.CONSUMED.size() + " consumed topics",
                    PoisonRecords.CONSUMED.size() * 4 + " poison records",
                    load -> poisonKeys.addAll(PoisonRecords.sendToEveryTopic(stack.broker().bootstrapServers())));

            Awaitility.await("every poison record dead-lettered with its error").atMost(FaultRun.SETTLED)
                    .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(deadLetters.records())
                            .filteredOn(r -> r.header("dead-letter-reason") != null)
                            .extracting(r -> r.key()).containsAll(poisonKeys));
        }
    }
}
