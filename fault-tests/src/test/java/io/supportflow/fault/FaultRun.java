package io.supportflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import io.supportflow.events.Topics;
import io.supportflow.testing.ProcessStack;
import io.supportflow.testing.ServiceProcess;
import io.supportflow.testing.TopicReader;

/**
 * Runs fault scenarios on a stack under a steady load of tickets and keeps their figures: after each, every
 * accepted ticket must have been received, decided, notified (one mail) and timed exactly once, and every
 * consumer group must have caught up with its topics.
 */
final class FaultRun {

    static final Duration SETTLED = Duration.ofSeconds(240);
    static final Duration RESTART = Duration.ofSeconds(240);

    private final ProcessStack stack;
    private final Duration loadInterval;
    private final List<String> report = new ArrayList<>(List.of(
            "| Scenario | Faults injected | Posts | Accepted | Complete | Lost | Redelivered records | Extra mails | Caught up after |",
            "|---|---|---|---|---|---|---|---|---|"));

    FaultRun(ProcessStack stack, Duration loadInterval) {
        this.stack = stack;
        this.loadInterval = loadInterval;
    }

    Duration loadInterval() {
        return loadInterval;
    }

    void underLoad(String scenario, String faults, Consumer<TicketLoad> inject) {
        underLoad(scenario, () -> faults, inject);
    }

    /**
     * Runs load on every intake instance, injects the faults, stops the load and checks every accepted ticket; the
     * time from the load's end until all is settled and no consumer group lags goes in the report.
     */
    void underLoad(String scenario, Supplier<String> faults, Consumer<TicketLoad> inject) {
        List<String> intakes = stack.instances("intake-service").stream().map(ServiceProcess::baseUrl).toList();
        try (TopicReader topics = TopicReader.fromNow(stack.broker().bootstrapServers(), Topics.ALL.toArray(String[]::new));
             TicketLoad load = new TicketLoad(intakes, "run" + Instant.now().toEpochMilli())) {
            load.start(loadInterval);
            awaitMore(load::attempts, 8);
            inject.accept(load);
            awaitMore(() -> load.accepted().size(), 8);
            load.stop();
            Instant loadEnded = Instant.now();

            Ledger.Summary summary = awaitSettled(load, topics);
            long lag = awaitCaughtUp();
            Duration caughtUp = Duration.between(loadEnded, Instant.now());
            report.add("| %s | %s | %d | %d | %d | %d | %d | %d | %d s |".formatted(scenario, faults.get(),
                    load.attempts(), summary.accepted(), summary.complete(), summary.lost(), summary.redeliveries(),
                    summary.extraMails(), caughtUp.toSeconds()));
            assertThat(summary.incomplete()).as("tickets not received/decided/notified/timed exactly once, "
                    + "met at another time than the mail was sent, or mailed twice as different messages").isEmpty();
            assertThat(summary.accepted()).isPositive();
            assertThat(lag).as("records the services' consumer groups have not consumed").isZero();
        }
    }

    private Ledger.Summary awaitSettled(TicketLoad load, TopicReader topics) {
        Ledger.Summary[] last = new Ledger.Summary[1];
        try {
            Awaitility.await("every accepted ticket settled").atMost(SETTLED).pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        last[0] = Ledger.of(load.accepted(), topics.records(), stack.mail().received());
                        return last[0].incomplete().isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            // Fall through: the caller reports the figures and the incomplete tickets.
        }
        return last[0];
    }

    private long awaitCaughtUp() {
        long[] lag = {-1};
        try (Admin admin = stack.broker().admin()) {
            Awaitility.await("every consumer group caught up").atMost(SETTLED).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> (lag[0] = ConsumerLag.of(admin)) == 0);
        } catch (ConditionTimeoutException e) {
            // Fall through: the caller asserts the lag left.
        }
        return lag[0];
    }

    /** Waits until {@code counter} has grown by {@code more}: the load has run on in the meantime. */
    static void awaitMore(IntSupplier counter, int more) {
        int target = counter.getAsInt() + more;
        Awaitility.await().atMost(RESTART).pollInterval(Duration.ofMillis(200)).until(() -> counter.getAsInt() >= target);
    }

    void writeReport(String fileName) {
        Path file = Path.of("target", fileName);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        report.forEach(System.out::println);
    }
}
