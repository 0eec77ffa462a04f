package io.supportflow.runtime.messaging;

import java.util.Map;
import java.util.Properties;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Kafka clients' shared settings ({@code kafka.*}, and {@code KAFKA_*} in the environment), for the clients a
 * service makes itself (the outbox relay's producer, a rebuild's or a report's consumer): the bootstrap servers and,
 * on a secured cluster, {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config}, as the
 * messaging channels get them.
 */
@ApplicationScoped
public class KafkaClientSettings {

    private final Map<String, Object> shared;

    KafkaClientSettings(@Identifier("default-kafka-broker") Map<String, Object> shared) {
        this.shared = Map.copyOf(shared);
    }

    /** A new set of the shared settings, for a client to add its own to (which win). */
    public Properties forNewClient() {
        Properties settings = new Properties();
        settings.putAll(shared);
        return settings;
    }
}
