package io.supportflow.bench;

import io.supportflow.events.Channel;
import io.supportflow.events.Customer;
import io.supportflow.events.DeterministicIds;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.PrioritySource;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TicketReference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The tickets of an SLA-scale run, published as intake publishes a received ticket (TicketReceived on
 * tickets.received) and, with handling clocks, as triage's rules publish a decided priority (PriorityAssigned P1 on
 * tickets.priority). Ticket i falls due at firstDue + window × i / clocks. A policy-change run sends tickets of one
 * plan received now instead, due long after it.
 */
final class ClockSeeds {

    static final String SOURCE = "/supportflow/bench";
    /**
     * With handling clocks every ticket is PRO P1: one plan, so one handling target to start sla-service with
     * (SUPPORTFLOW_SLA_HANDLING_TARGETS_PRO_P1 = --handling-target), and every handling clock falls due the same
     * time after its response clock (at the same instant when that target equals the response target).
     */
    static final Plan HANDLING_PLAN = Plan.PRO;

    private ClockSeeds() {
    }

    /** Sends every ticket (and its priority) and adds it to {@code ours} with its index. */
    static void send(String bootstrapServers, SlaScale.Settings settings, Instant firstDue, Map<String, Integer> ours) {
        Plan[] plans = Plan.values();
        long windowMillis = settings.window().toMillis();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties(bootstrapServers))) {
            for (int i = 0; i < settings.clocks(); i++) {
                Instant dueAt = firstDue.plusMillis(windowMillis * i / settings.clocks());
                Plan plan = settings.handling() ? HANDLING_PLAN : plans[i % plans.length];
                publish(producer, "sla-scale", i, plan, settings.handling() ? Priority.P1 : null,
                        dueAt.minus(settings.target()), ours);
            }
            producer.flush();
        }
    }

    /**
     * The tickets of a policy-change run: {@code clocks} tickets of {@code plan}, each received as it is sent, with
     * {@code priority} decided at receipt (none when null: the clock runs on the plan's P3 target, as for a ticket
     * triage has not decided yet).
     */
    static void sendReceivedNow(String bootstrapServers, int clocks, Plan plan, Priority priority,
                                Map<String, Integer> ours) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties(bootstrapServers))) {
            for (int i = 0; i < clocks; i++) {
                publish(producer, "sla-policy-change", i, plan, priority,
                        Instant.now().truncatedTo(ChronoUnit.MILLIS), ours);
            }
            producer.flush();
        }
    }

    /** One ticket, and its priority unless null, added to {@code ours} with its index. */
    private static void publish(KafkaProducer<String, String> producer, String mode, int i, Plan plan,
                                Priority priority, Instant receivedAt, Map<String, Integer> ours) {
        String ticketId = UUID.randomUUID().toString();
        ours.put(ticketId, i);
        TicketReceived ticket = new TicketReceived(ticketId, TicketReference.of(ticketId), Channel.WEB,
                mode + "-" + i, plan,
                new Customer("SCALE-" + (i % 10_000), "Scale Test", "scale" + (i % 10_000) + "@example.com", "en"),
                "Bench " + mode + " clock " + i, "Seeded by bin/supportflow bench " + mode + ".", null, null, null,
                receivedAt);
        EventEnvelope received = EventEnvelope.of(DeterministicIds.eventId(ticketId, "ticket-received"), SOURCE,
                receivedAt, ticket);
        producer.send(record(received));
        if (priority != null) {
            // Decided at receipt, as the rules decide within milliseconds: both clocks run from receivedAt.
            PriorityAssigned assigned = new PriorityAssigned(ticketId, priority, null, PrioritySource.RULES,
                    "bench-" + mode, "Seeded by bin/supportflow bench " + mode + ".", null, receivedAt);
            producer.send(record(EventEnvelope.of(DeterministicIds.eventId(received.id(), "priority-assigned"),
                    SOURCE, receivedAt, assigned)));
        }
    }

    private static ProducerRecord<String, String> record(EventEnvelope envelope) {
        ProducerRecord<String, String> record = new ProducerRecord<>(envelope.topic(), envelope.key(),
                envelope.payload());
        envelope.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static Properties producerProperties(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }
}
