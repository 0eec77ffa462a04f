package io.supportflow.sla.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.SlaBreached;

class SlaFeedTest {

    private static final Instant DUE = Instant.parse("2026-12-07T03:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SlaFeed feed = new SlaFeed(registry);

    @Test
    void aViewerSeesTheEventsPublishedWhileItWatches() {
        AssertSubscriber<FeedItem> viewer = feed.live().subscribe().withSubscriber(AssertSubscriber.create(10));

        feed.on(pollOf(breachRecord("ticket-1")));

        assertThat(viewer.getItems()).extracting(FeedItem::ticketId).containsExactly("ticket-1");
        assertThat(viewer.getItems().get(0).type()).isEqualTo("supportflow.sla.breached.v1");
    }

    @Test
    void viewersAreCountedWhileTheyWatch() {
        AssertSubscriber<FeedItem> first = feed.live().subscribe().withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<FeedItem> second = feed.live().subscribe().withSubscriber(AssertSubscriber.create(10));
        assertThat(viewers()).isEqualTo(2);

        first.cancel();
        second.cancel();

        assertThat(viewers()).isZero();
    }

    @Test
    void aPollWhileNobodyWatchesIsNotRead() {
        CountedPoll poll = new CountedPoll(breachRecord("unseen"));

        feed.on(poll);
        assertThat(poll.reads).isZero();

        AssertSubscriber<FeedItem> viewer = feed.live().subscribe().withSubscriber(AssertSubscriber.create(10));
        feed.on(poll);
        assertThat(poll.reads).isOne();
        assertThat(viewer.getItems()).extracting(FeedItem::ticketId).containsExactly("unseen");
    }

    private double viewers() {
        return registry.get("sla.feed.viewers").gauge().value();
    }

    private static ConsumerRecords<String, String> pollOf(ConsumerRecord<String, String> record) {
        return new ConsumerRecords<>(Map.of(new TopicPartition(record.topic(), record.partition()), List.of(record)),
                Map.of());
    }

    private static ConsumerRecord<String, String> breachRecord(String ticketId) {
        EventEnvelope envelope = EventEnvelope.of("event-" + ticketId, "sla-service", DUE, new SlaBreached(ticketId,
                "SF-" + ticketId, Plan.PRO, Priority.P1, Duration.ofHours(1), DUE.minus(Duration.ofHours(1)), DUE,
                DUE));
        ConsumerRecord<String, String> record = new ConsumerRecord<>(envelope.topic(), 0, 0, envelope.key(),
                envelope.payload());
        envelope.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** A poll that counts how often its records were gone through. */
    private static final class CountedPoll extends ConsumerRecords<String, String> {

        private int reads;

        CountedPoll(ConsumerRecord<String, String> record) {
            super(Map.of(new TopicPartition(record.topic(), record.partition()), List.of(record)), Map.of());
        }

        @Override
        public Iterator<ConsumerRecord<String, String>> iterator() {
            reads++;
            return super.iterator();
        }
    }
}
