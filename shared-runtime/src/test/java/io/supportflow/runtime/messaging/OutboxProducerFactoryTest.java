package io.supportflow.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class OutboxProducerFactoryTest {

    @Test
    void theRelayLogsInAsTheChannelsDoButKeepsItsOwnDeliveryGuarantees() {
        OutboxProducerFactory factory = new OutboxProducerFactory(new KafkaClientSettings(Map.of(
                "bootstrap.servers", "supportflow-kafka-bootstrap:9092",
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "acks", "1")), "intake-service");

        assertThat(factory.properties())
                .containsEntry("bootstrap.servers", "supportflow-kafka-bootstrap:9092")
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("client.id", "intake-service-outbox");
    }
}
