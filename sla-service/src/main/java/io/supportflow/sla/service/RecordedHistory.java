package io.supportflow.sla.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.supportflow.events.CustomerNotified;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.SupportEvent;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.Topics;
import io.supportflow.events.TriageReviewRequested;
import io.supportflow.events.UnreadableEventException;
import io.supportflow.runtime.messaging.IncomingRecords;
import io.supportflow.runtime.messaging.KafkaClientSettings;
import io.supportflow.sla.config.SlaConfig;
import io.supportflow.sla.domain.ClockHistory;
import io.supportflow.sla.domain.Period;
import io.supportflow.sla.domain.PriorityDecision;
import io.supportflow.sla.domain.RecordedTicket;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The response clocks of the tickets received in a period, replayed from the recorded events on Kafka (receipts,
 * priority decisions, notices) rather than from sla's database: what-if answers then hold for any period the topics
 * still keep, whatever the database has kept or lost. Read with a consumer of its own, assigned to every partition
 * and read to the end offsets it found at the start; records it cannot read are passed over (the live consumers have
 * set them aside already).
 */
@ApplicationScoped
public class RecordedHistory {

    private static final List<String> TOPICS = List.of(Topics.TICKETS_RECEIVED, Topics.TICKETS_PRIORITY,
            Topics.TICKETS_NOTIFICATIONS);
    /**
     * A record is written when its event happens or later, so a period's events lie after its start; a day's margin
     * also covers events whose times were set ahead of the broker's clock (replays, tests).
     */
    private static final Duration RECORD_TIME_MARGIN = Duration.ofDays(1);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final KafkaClientSettings kafka;
    private final SlaConfig config;

    RecordedHistory(KafkaClientSettings kafka, SlaConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    public List<ClockHistory> receivedIn(Period period) {
        Map<String, RecordedTicket> tickets = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings())) {
            List<TopicPartition> partitions = TOPICS.stream().flatMap(topic -> consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            seekToRecordsFrom(consumer, ends, earliestRecordOf(period));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!readToTheEnd(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new RecordedEventsUnavailableException(PATIENCE);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(record -> take(tickets, record));
            }
        }
        return tickets.values().stream().filter(ticket -> ticket.receivedIn(period))
                .map(ticket -> ticket.history(config.defaultPriority())).toList();
    }

    /** Record times are the broker's wall clock, not this service's clock (which tests and replays set). */
    private static Instant earliestRecordOf(Period period) {
        Instant now = Instant.now();
        return (period.from().isBefore(now) ? period.from() : now).minus(RECORD_TIME_MARGIN);
    }

    /** To each partition's first record written at {@code from} or later; to its end when there is none. */
    private static void seekToRecordsFrom(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends,
                                          Instant from) {
        Map<TopicPartition, Long> query = new HashMap<>();
        ends.keySet().forEach(partition -> query.put(partition, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        ends.forEach((partition, end) -> {
            OffsetAndTimestamp offset = found.get(partition);
            consumer.seek(partition, offset != null ? offset.offset() : end);
        });
    }

    private static boolean readToTheEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static void take(Map<String, RecordedTicket> tickets, ConsumerRecord<String, String> record) {
        SupportEvent event;
        try {
            event = IncomingRecords.read(record).event();
        } catch (UnreadableEventException e) {
            return;
        }
        if (event instanceof TicketReceived received) {
            ticket(tickets, received.ticketId()).received(received.plan(), received.clockStartsAt());
        } else if (event instanceof PriorityAssigned assigned) {
            ticket(tickets, assigned.ticketId()).decided(PriorityDecision.of(assigned).change());
        } else if (event instanceof TriageReviewRequested review) {
            ticket(tickets, review.ticketId()).decided(PriorityDecision.of(review).change());
        } else if (event instanceof CustomerNotified notified && notified.kind() == NotificationKind.TICKET_LOGGED) {
            ticket(tickets, notified.ticketId()).logged(notified.sentAt());
        }
    }

    private static RecordedTicket ticket(Map<String, RecordedTicket> tickets, String ticketId) {
        return tickets.computeIfAbsent(ticketId, id -> new RecordedTicket());
    }

    private Properties settings() {
        Properties settings = kafka.forNewClient();
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return settings;
    }
}
