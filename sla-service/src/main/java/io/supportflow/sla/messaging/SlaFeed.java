package io.supportflow.sla.messaging;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.UnreadableEventException;
import io.supportflow.runtime.messaging.IncomingRecords;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every SLA event as it reaches the topics, for live dashboards. It reads the topics (in a consumer
 * group of its own per instance) rather than this instance's outbox, so each viewer sees the events
 * of every instance, exactly as published.
 */
@ApplicationScoped
public class SlaFeed {

    private static final Logger LOG = Logger.getLogger(SlaFeed.class);

    private final BroadcastProcessor<FeedItem> live = BroadcastProcessor.create();
    private final AtomicInteger viewers = new AtomicInteger();

    SlaFeed(MeterRegistry registry) {
        Gauge.builder("sla.feed.viewers", viewers, AtomicInteger::get)
                .description("Live SLA feeds (console pages, SSE clients) open on this instance")
                .register(registry);
    }

    /**
     * Reading a record costs as much as applying it: with nobody watching, a burst of breaches would pay for
     * parsing thousands of events that no one is shown, so they are passed by unread.
     */
    @Incoming("sla-feed")
    public void on(ConsumerRecords<String, String> records) {
        if (viewers.get() > 0) {
            records.forEach(this::show);
        }
    }

    private void show(ConsumerRecord<String, String> record) {
        try {
            EventEnvelope envelope = IncomingRecords.read(record);
            live.onNext(new FeedItem(envelope.id(), envelope.type().ceType(), envelope.key(), envelope.time(),
                    record.value()));
        } catch (UnreadableEventException e) {
            // Our own topics: an unreadable record is a bug to log, not a reason to stop the feed.
            LOG.warnf("Skipping unreadable record on %s: %s", record.topic(), e.getMessage());
        }
    }

    /**
     * The events from now on. A burst (two breaches and an escalation of one ticket leave together) waits in a buffer
     * for a viewer whose stream writes one at a time; a viewer a thousand events behind has its stream ended, and its
     * page reconnects and reads again what it shows.
     */
    public Multi<FeedItem> live() {
        return live.onSubscription().invoke(viewers::incrementAndGet)
                .onTermination().invoke(viewers::decrementAndGet)
                .onOverflow().buffer(1000);
    }
}
