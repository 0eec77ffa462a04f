package io.supportflow.runtime.messaging;

import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The relay's producer: nothing counts as published until every in-sync replica has it. It starts from the Kafka
 * clients' shared settings (the cluster and how to log in to it); what makes the relay safe and fast is set last,
 * so no shared setting overrides it.
 */
@ApplicationScoped
class OutboxProducerFactory {

    private final KafkaClientSettings shared;
    private final String clientId;

    OutboxProducerFactory(KafkaClientSettings shared,
                          @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.shared = shared;
        this.clientId = applicationName + "-outbox";
    }

    KafkaProducer<String, String> create() {
        return new KafkaProducer<>(properties());
    }

    Properties properties() {
        Properties props = shared.forNewClient();
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
