package io.supportflow.runtime.messaging;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The relay's producer: nothing counts as published until every in-sync replica has it. It starts from the Kafka
 * clients' shared settings ({@code kafka.*}, and {@code KAFKA_*} in the environment), as the messaging channels do:
 * the bootstrap servers and, on a secured cluster, {@code security.protocol}, {@code sasl.mechanism} and
 * {@code sasl.jaas.config}. What makes the relay safe and fast is set last, so no shared setting overrides it.
 */
@ApplicationScoped
class OutboxProducerFactory {

    private final Map<String, Object> clientDefaults;
    private final String clientId;

    OutboxProducerFactory(@Identifier("default-kafka-broker") Map<String, Object> clientDefaults,
                          @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.clientDefaults = Map.copyOf(clientDefaults);
        this.clientId = applicationName + "-outbox";
    }

    KafkaProducer<String, String> create() {
        return new KafkaProducer<>(properties());
    }

    Properties properties() {
        Properties props = new Properties();
        props.putAll(clientDefaults);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        // Bursts (a thousand breaches due together) go out in few large requests rather than many small ones.
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.ENABLE_METRICS_PUSH_CONFIG, "false");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }
}
