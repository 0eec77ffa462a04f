package io.supportflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

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
    private static final Duration LOAD_INTERVAL = Duration.ofMillis(FULL ? 100 : 250);
    private static final Duration SETTLED = Duration.ofSeconds(240);
    private static final Duration RESTART = Duration.ofSeconds(240);
    private static final List<String> REPORT = new ArrayList<>();
    private static final String RELAY_ROUND_FAILED = "outbox-relay: a round failed";

    private static ProcessStack stack;

    @BeforeAll
    static void startTheSystem() {
        stack = ProcessStack.onOwnPostgres();
        stack.start(Map.of("SUPPORTFLOW_NOTIFICATION_OPS_ADDRESSES", "ops@supportflow.test"));
        REPORT.add("| Scenario | Faults injected | Posts | Accepted | Complete | Lost | Redelivered records | Extra mails |");
        REPORT.add("|---|---|---|---|---|---|---|---|");
    }

    @AfterAll
    static void stopTheSystem() throws IOException {
        if (stack != null) {
            stack.close();
        }
        Path report = Path.of("target", "fault-report.md");
        Files.createDirectories(report.getParent());
        Files.write(report, REPORT);
        REPORT.forEach(System.out::println);
    }

    private static void underLoad(String scenario, String faults, Consumer<TicketLoad> inject) {
        underLoad(scenario, () -> faults, inject);
    }

    /** Runs load, injects the faults, stops the load and checks every accepted ticket. */
    private static void underLoad(String scenario, Supplier<String> faults, Consumer<TicketLoad> inject) {
        try (TopicReader topics = TopicReader.fromNow(stack.broker().bootstrapServers(), Topics.ALL.toArray(String[]::new));
             TicketLoad load = new TicketLoad(stack.url("intake-service"), "run" + Instant.now().toEpochMilli())) {
            load.start(LOAD_INTERVAL);
            awaitMore(load::attempts, 8);
            inject.accept(load);
            awaitMore(() -> load.accepted().size(), 8);
            load.stop();

            Ledger.Summary summary = awaitSettled(load, topics);
            REPORT.add("| %s | %s | %d | %d | %d | %d | %d | %d |".formatted(scenario, faults.get(), load.attempts(),
                    summary.accepted(), summary.complete(), summary.lost(), summary.redeliveries(), summary.extraMails()));
            assertThat(summary.incomplete()).as("tickets not received/decided/notified/timed exactly once, or met at another time than the mail was sent").isEmpty();
            assertThat(summary.accepted()).isPositive();
        }
    }

    private static Ledger.Summary awaitSettled(TicketLoad load, TopicReader topics) {
        Ledger.Summary[] last = new Ledger.Summary[1];
        try {
            Awaitility.await("every accepted ticket settled").atMost(SETTLED).pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        last[0] = Ledger.of(load.accepted(), topics.records(), stack.mail().received());
                        return last[0].incomplete().isEmpty();
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // Fall through: the caller reports the figures and the incomplete tickets.
        }
        return last[0];
    }

    /** Waits until {@code counter} has grown by {@code more}: the load has run on in the meantime. */
    private static void awaitMore(IntSupplier counter, int more) {
        int target = counter.getAsInt() + more;
        Awaitility.await().atMost(RESTART).pollInterval(Duration.ofMillis(200)).until(() -> counter.getAsInt() >= target);
    }

    @Test
    @Order(1)
    void killingEachServiceMidLoadLosesNoAcceptedTicket() {
        underLoad("kill -9 of each service, then restart", "5 kills", load -> {
            for (String name : ProcessStack.SERVICES) {
                ServiceProcess service = stack.service(name);
                service.stop(true);
                awaitMore(load::attempts, 6);
                service.start().awaitReady(RESTART);
            }
        });
    }

    @Test
    @Order(2)
    void droppingEachServicesDatabaseConnectionsMidLoadLosesNothing() {
        underLoad("PostgreSQL connections of each service terminated (pg_terminate_backend)", "5 terminations", load -> {
            for (String name : ProcessStack.SERVICES) {
                DatabaseOutage.terminateConnections(stack.databaseUrl(name));
                awaitMore(load::attempts, 4);
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
        underLoad("PostgreSQL server crash (pg_ctl stop -m immediate), then start", () -> "1 crash, down "
                + down[0].toSeconds() + " s", load -> {
                    Instant crashed = Instant.now();
                    stack.postgres().crash();
                    // Intake's outbox relay retries once a second: the server stays down for that many failed rounds.
                    awaitMore(() -> intake.logCount(RELAY_ROUND_FAILED), failedRelayRounds);
                    stack.postgres().start();
                    down[0] = Duration.between(crashed, Instant.now());
                });
    }

    @Test
    @Order(4)
    void restartingTheBrokerMidLoadLosesNothing() {
        underLoad("Kafka broker restart (same port and data)", "1 restart", load -> {
            stack.broker().stop();
            awaitMore(load::attempts, 6);
            stack.broker().start();
        });
    }

    @Test
    @Order(5)
    void aMailOutageDelaysButLosesNoTicketLoggedMessage() {
        Duration outage = FULL ? Duration.ofSeconds(60) : Duration.ofSeconds(15);
        underLoad("SMTP server down for " + outage.toSeconds() + " s", "1 outage", load -> {
            stack.mail().stop();
            // The outage lasts while the load posts on for its length: those tickets' mails must wait.
            awaitMore(load::attempts, (int) (outage.toMillis() / LOAD_INTERVAL.toMillis()));
            stack.mail().start();
        });
    }

    @Test
    @Order(6)
    void poisonRecordsOnEveryTopicGoToItsDeadLetterTopicAndConsumersCarryOn() {
        List<String> poisonKeys = new ArrayList<>();
        try (TopicReader deadLetters = TopicReader.fromNow(stack.broker().bootstrapServers(),
                PoisonRecords.CONSUMED.stream().map(Topics::deadLetter).toArray(String[]::new))) {
            underLoad("poison records on all " + PoisonRecords.CONSUMED.size() + " consumed topics",
                    PoisonRecords.CONSUMED.size() * 4 + " poison records",
                    load -> poisonKeys.addAll(PoisonRecords.sendToEveryTopic(stack.broker().bootstrapServers())));

            Awaitility.await("every poison record dead-lettered with its error").atMost(SETTLED)
                    .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(deadLetters.records())
                            .filteredOn(r -> r.header("dead-letter-reason") != null)
                            .extracting(r -> r.key()).containsAll(poisonKeys));
        }
    }
}
