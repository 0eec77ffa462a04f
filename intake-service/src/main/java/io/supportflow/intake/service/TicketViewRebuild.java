package io.supportflow.intake.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.Topics;
import io.supportflow.events.UnreadableEventException;
import io.supportflow.intake.config.IntakeConfig;
import io.supportflow.intake.repository.TicketViewEntity;
import io.supportflow.runtime.messaging.EventBatches;
import io.supportflow.runtime.messaging.IncomingRecords;
import io.supportflow.runtime.messaging.KafkaClientSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Rebuilds the ticket view from the topics alone: forget the view and its processed-event
 * marks, then read every ticket topic from its beginning up to its current end, a poll per
 * transaction. The live consumers keep running meanwhile; the processed-event marks make sure
 * an event that both of them see is applied once. Records the live consumers dead-lettered
 * (unreadable, or refused by the view) are passed by.
 */
@ApplicationScoped
public class TicketViewRebuild {

    private static final Logger LOG = Logger.getLogger(TicketViewRebuild.class);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final TicketViewUpdates updates;
    private final EventBatches batches;
    private final EntityManager entityManager;
    private final IntakeConfig config;
    private final KafkaClientSettings kafka;

    TicketViewRebuild(TicketViewUpdates updates, EventBatches batches, EntityManager entityManager,
                      IntakeConfig config, KafkaClientSettings kafka) {
        this.updates = updates;
        this.batches = batches;
        this.entityManager = entityManager;
        this.config = config;
        this.kafka = kafka;
    }

    /** A new or emptied database has no view, while the consumer group's offsets say all was read: replay. */
    void rebuildEmptyViewAtStart(@Observes StartupEvent startup) {
        if (config.view().rebuildWhenEmpty() && viewIsEmpty()) {
            Thread replay = new Thread(this::rebuild, "ticket-view-rebuild");
            replay.setDaemon(true);
            replay.start();
        }
    }

    /** Wipes and replays; one rebuild at a time. Returns how many records were replayed and passed by. */
    public synchronized RebuildReport rebuild() {
        QuarkusTransaction.requiringNew().run(this::wipe);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> partitions = partitionsOf(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            RebuildReport report = new RebuildReport(0, 0, 0);
            while (!caughtUp(consumer, end)) {
                report = report.plus(replay(consumer.poll(Duration.ofMillis(200))));
            }
            LOG.infof("Ticket view rebuilt from %d records (%d unreadable and %d refused, passed by)",
                    report.replayed(), report.unreadable(), report.refused());
            return report;
        }
    }

    private static boolean viewIsEmpty() {
        return QuarkusTransaction.requiringNew().call(() -> TicketViewEntity.count()) == 0;
    }

    /** Forgets the whole view and which events built it, so that the replay applies every event again. */
    private void wipe() {
        entityManager.createNativeQuery("DELETE FROM timeline_entry").executeUpdate();
        entityManager.createNativeQuery("DELETE FROM ticket_view").executeUpdate();
        entityManager.createNativeQuery("DELETE FROM processed_event WHERE consumer = ?1")
                .setParameter(1, batches.consumerName(TicketViewUpdates.CHANNEL)).executeUpdate();
    }

    private RebuildReport replay(ConsumerRecords<String, String> records) {
        List<EventEnvelope> envelopes = new ArrayList<>();
        long unreadable = 0;
        for (ConsumerRecord<String, String> record : records) {
            try {
                envelopes.add(IncomingRecords.read(record));
            } catch (UnreadableEventException e) {
                // The live consumer already sent it to the dead-letter topic; a replay only passes it by.
                LOG.debugf("Passing by unreadable record %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
                unreadable++;
            }
        }
        List<EventBatches.Refused> refused = batches.apply(TicketViewUpdates.CHANNEL, envelopes, updates);
        refused.forEach(event -> LOG.warnf("Passing by event %s, refused by the view: %s",
                envelopes.get(event.index()).id(), event.reason().toString()));
        return new RebuildReport(envelopes.size() - refused.size(), unreadable, refused.size());
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        // Ticket topics only: sla.schedules carries schedules and rotations, no ticket's history.
        for (String topic : Topics.BY_TICKET) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        }
        return partitions;
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private Properties consumerProperties() {
        Properties props = kafka.forNewClient();
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // No group: a replay commits nothing and leaves the live consumers' offsets alone.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "intake-ticket-view-rebuild");
        return props;
    }

    /** The outcome of a rebuild: records applied (or seen before), unreadable, and refused by the view. */
    public record RebuildReport(long replayed, long unreadable, long refused) {

        RebuildReport plus(RebuildReport other) {
            return new RebuildReport(replayed + other.replayed, unreadable + other.unreadable, refused + other.refused);
        }
    }
}
