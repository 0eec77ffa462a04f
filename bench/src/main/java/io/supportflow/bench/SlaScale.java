package io.supportflow.bench;

import io.supportflow.events.Channel;
import io.supportflow.events.CloudEventHeaders;
import io.supportflow.events.Customer;
import io.supportflow.events.DeterministicIds;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.EventJson;
import io.supportflow.events.Plan;
import io.supportflow.events.SlaBreached;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.TicketReference;
import io.supportflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The SLA timer at scale: many open clocks whose due times are spread over a window, started the way
 * sla-service starts every clock (a TicketReceived on tickets.received), then the lateness of each
 * SlaBreached on sla.breaches against its dueAt. Run it with only Kafka and sla-service up
 * ({@code SUPPORTFLOW_SERVICES=sla bin/supportflow up}): the other services would mail every ticket.
 */
final class SlaScale {

    static final String SOURCE = "/supportflow/bench";
    private static final String BACKGROUND_PREFIX = "bench-background-";
    private static final String SLA_GROUP = "sla-service";

    private final Stack stack;
    private final Settings settings;

    SlaScale(Stack stack, Settings settings) {
        this.stack = stack;
        this.settings = settings;
    }

    SlaScaleResult run() throws Exception {
        Map<String, Long> components = stack.runningComponents();
        if (!components.containsKey("sla")) {
            throw new IllegalStateException("sla-service is not running: start it with 'SUPPORTFLOW_SERVICES=sla "
                    + "bin/supportflow up'");
        }
        List<String> others = components.keySet().stream()
                .filter(name -> List.of("intake", "triage", "notification", "survey").contains(name)).toList();
        if (!others.isEmpty() && !settings.allowOtherServices()) {
            throw new IllegalStateException("these services would process every seeded ticket too (and mail each "
                    + "customer): " + others + ". Restart with only sla-service: 'bin/supportflow down && "
                    + "SUPPORTFLOW_SERVICES=sla bin/supportflow up', or pass --allow-other-services");
        }
        ProcessSampler sampler = new ProcessSampler(stack.stateDir());
        String loadBefore = ProcessSampler.loadAverage();
        var before = sampler.sample();
        long started = System.nanoTime();
        long dbBefore = databaseSize();
        try {
            addBackgroundClocks();
            return measure(sampler, before, started, loadBefore, dbBefore);
        } finally {
            removeBackgroundClocks();
        }
    }

    private SlaScaleResult measure(ProcessSampler sampler, Map<String, ProcessSampler.Usage> before, long started,
                                   String loadBefore, long dbBefore) throws Exception {

        Instant firstDue = Instant.now().plus(settings.lead());
        Set<String> ours = ConcurrentHashMap.newKeySet(settings.clocks());
        try (BreachWatcher breaches = new BreachWatcher(stack.bootstrapServers(), ours);
             TableStatistics statistics = TableStatistics.keptFresh(stack, Duration.ofSeconds(15))) {
            PipelineBench.log("Seeding %d clocks, due from %s over %d s (target %s, lead %d s)...", settings.clocks(),
                    firstDue, settings.window().toSeconds(), settings.target(), settings.lead().toSeconds());
            long seedStart = System.nanoTime();
            seed(firstDue, ours);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            PipelineBench.log("Seeded in %.1f s. Waiting for sla-service to start the clocks and for the breaches...",
                    seedSeconds);
            IngestProgress ingest = new IngestProgress();
            Instant giveUp = firstDue.plus(settings.window()).plus(settings.drain());
            long lastReport = 0;
            while (breaches.count() < settings.clocks() && Instant.now().isBefore(giveUp)) {
                ingest.check(stack.bootstrapServers(), firstDue);
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    PipelineBench.log("  sla-service lag on tickets.received %d, breaches seen %d of %d",
                            ingest.lag, breaches.count(), settings.clocks());
                    lastReport = System.nanoTime();
                }
                Thread.sleep(1000);
            }
            var after = sampler.sample();
            double wallSeconds = (System.nanoTime() - started) / 1e9;
            long[] sizes = databaseSizes();
            return new SlaScaleResult(settings.clocks(), settings.backgroundClocks(), settings.window().toSeconds(), settings.lead().toSeconds(),
                    Machine.current(), loadBefore, ProcessSampler.loadAverage(), Math.round(seedSeconds * 10) / 10d,
                    ingest.caughtUpAt == null ? null : Duration.between(firstDue.minus(settings.lead()),
                            ingest.caughtUpAt).toSeconds(),
                    ingest.caughtUpAt != null && ingest.caughtUpAt.isBefore(firstDue),
                    breaches.count(), settings.clocks() - breaches.count(),
                    LatencySummary.ofMicros(breaches.toRead), LatencySummary.ofMicros(breaches.toPublished),
                    dbBefore / (1024 * 1024), sizes[0] / (1024 * 1024), sizes[1], sizes[2] / (1024 * 1024),
                    statistics.describe(), ProcessSampler.between(before, after, wallSeconds));
        }
    }

    private void seed(Instant firstDue, Set<String> ours) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        Plan[] plans = Plan.values();
        long windowMillis = settings.window().toMillis();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < settings.clocks(); i++) {
                Instant dueAt = firstDue.plusMillis(windowMillis * i / settings.clocks());
                Instant receivedAt = dueAt.minus(settings.target());
                String ticketId = UUID.randomUUID().toString();
                ours.add(ticketId);
                TicketReceived ticket = new TicketReceived(ticketId, TicketReference.of(ticketId), Channel.WEB,
                        "sla-scale-" + i, plans[i % plans.length],
                        new Customer("SCALE-" + (i % 10_000), "Scale Test", "scale" + (i % 10_000) + "@example.com", "en"),
                        "SLA scale clock " + i, "Seeded by bin/supportflow bench sla-scale.", null, null, null,
                        receivedAt);
                EventEnvelope envelope = EventEnvelope.of(DeterministicIds.eventId(ticketId, "ticket-received"), SOURCE,
                        receivedAt, ticket);
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.TICKETS_RECEIVED, envelope.key(),
                        envelope.payload());
                envelope.headers().forEach((name, value) ->
                        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                producer.send(record);
            }
            producer.flush();
        }
    }

    /**
     * Open clocks that fall due long after the run, written straight into sla_clock in the shape
     * sla-service gives a received ticket without a priority (P3, a warning at 75 %). They make the
     * table, its indexes and the scanner's claims work at full scale without hours of seeding through
     * the consumer; the clocks whose breaches are measured all went through Kafka.
     */
    private void addBackgroundClocks() throws SQLException {
        if (settings.backgroundClocks() == 0) {
            return;
        }
        PipelineBench.log("Writing %d background clocks (due in about 24 h) into sla_clock...", settings.backgroundClocks());
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("sla"), stack.pgUser(), stack.pgPassword());
             java.sql.PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO sla_clock (ticket_id, reference, plan, received_at, priority, priority_known,
                                            target_seconds, due_at, warnings_sent, alarm_at)
                     SELECT ? || i, 'SF-BG' || i, 'PRO', r, 'P3', false, 86400, r + interval '24 hours', 0,
                            r + interval '18 hours'
                     FROM generate_series(1, ?) AS i, LATERAL (SELECT now() - i * interval '1 millisecond') AS t(r)
                     ON CONFLICT DO NOTHING""")) {
            insert.setString(1, BACKGROUND_PREFIX);
            insert.setInt(2, settings.backgroundClocks());
            insert.executeUpdate();
        }
        PipelineBench.log("  written in %.1f s", (System.nanoTime() - start) / 1e9);
    }

    private void removeBackgroundClocks() {
        if (settings.backgroundClocks() == 0) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("sla"), stack.pgUser(), stack.pgPassword());
             Statement delete = connection.createStatement()) {
            delete.executeUpdate("DELETE FROM sla_clock WHERE ticket_id LIKE '" + BACKGROUND_PREFIX + "%'");
        } catch (SQLException e) {
            PipelineBench.log("Could not remove the background clocks (ticket_id '%s…'): %s", BACKGROUND_PREFIX,
                    e.getMessage());
        }
    }

    private long databaseSize() {
        return databaseSizes()[0];
    }

    /** pg_database_size of sla, rows in sla_clock, and that table's size with its indexes. */
    private long[] databaseSizes() {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("sla"), stack.pgUser(), stack.pgPassword());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_database_size('sla'), (SELECT count(*) FROM sla_clock), "
                     + "pg_total_relation_size('sla_clock')")) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2), row.getLong(3)};
        } catch (SQLException e) {
            PipelineBench.log("Cannot read the sla database's size: %s", e.getMessage());
            return new long[] {0, 0, 0};
        }
    }

    /** When sla-service had consumed everything seeded (its group's lag on tickets.received reached 0). */
    private static final class IngestProgress {
        long lag = -1;
        Instant caughtUpAt;

        void check(String bootstrapServers, Instant firstDue) {
            if (caughtUpAt != null) {
                return;
            }
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            try (Admin admin = Admin.create(props)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(SLA_GROUP)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
                committed.keySet().stream().filter(p -> p.topic().equals(Topics.TICKETS_RECEIVED))
                        .forEach(p -> ends.put(p, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = admin.listOffsets(ends).all().get();
                lag = latest.entrySet().stream()
                        .mapToLong(e -> e.getValue().offset() - committed.get(e.getKey()).offset()).sum();
                if (lag == 0) {
                    caughtUpAt = Instant.now();
                    PipelineBench.log("  sla-service has consumed every seeded ticket (%s the first due time)",
                            caughtUpAt.isBefore(firstDue) ? "before" : "AFTER");
                }
            } catch (Exception e) {
                lag = -1;
            }
        }
    }

    /** Reads sla.breaches from its end and measures how late each of our clocks' breach was. */
    private static final class BreachWatcher implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final Set<String> ours;
        private final Histogram toRead = new ConcurrentHistogram(3_600_000_000L, 3);
        private final Histogram toPublished = new ConcurrentHistogram(3_600_000_000L, 3);
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final AtomicLong count = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        BreachWatcher(String bootstrapServers, Set<String> ours) {
            this.ours = ours;
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            consumer = new KafkaConsumer<>(props);
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.SLA_BREACHES, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
            thread = new Thread(this::poll, "bench-breaches");
            thread.setDaemon(true);
            thread.start();
        }

        long count() {
            return count.get();
        }

        private void poll() {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long readAt = System.currentTimeMillis();
                    if (record.key() == null || !ours.contains(record.key()) || !seen.add(record.key())
                            || record.headers().lastHeader(CloudEventHeaders.TYPE) == null) {
                        continue;
                    }
                    SlaBreached breach = EventJson.read(record.value(), SlaBreached.class);
                    long due = breach.dueAt().toEpochMilli();
                    LatencySummary.record(toRead, (readAt - due) * 1000);
                    LatencySummary.record(toPublished, (record.timestamp() - due) * 1000);
                    count.incrementAndGet();
                }
            }
            consumer.close(Duration.ofSeconds(5));
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(10_000);
        }
    }

    /**
     * @param backgroundClocks open clocks added straight to the table, due after the run (removed at the end)
     * @param target the response target of a clock without a priority (P3 of every plan: 24 h by default)
     */
    record Settings(int clocks, int backgroundClocks, Duration window, Duration lead, Duration drain, Duration target,
                    boolean allowOtherServices) {
    }
}
