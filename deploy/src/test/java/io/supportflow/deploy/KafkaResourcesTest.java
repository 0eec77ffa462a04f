package io.supportflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.supportflow.events.Topics;

/**
 * The Strimzi resources describe a cluster that loses nothing when one broker goes, holds every topic of the
 * contract, and is the one the services' shared settings point at.
 */
class KafkaResourcesTest {

    private final List<JsonNode> resources = Resources.ofThisModule();

    @Test
    void threeNodesEachControllerAndBrokerBehindOneScramListener() {
        JsonNode kafka = Resources.one(resources, "Kafka", "supportflow");
        JsonNode nodes = Resources.one(resources, "KafkaNodePool", null);

        assertThat(nodes.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("supportflow");
        assertThat(nodes.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(nodes.at("/spec/roles")).extracting(JsonNode::asText).containsExactlyInAnyOrder("controller", "broker");
        assertThat(kafka.at("/spec/kafka/listeners")).hasSize(1);
        assertThat(kafka.at("/spec/kafka/listeners/0/authentication/type").asText()).isEqualTo("scram-sha-512");
        assertThat(kafka.at("/spec/kafka/authorization/type").asText()).isEqualTo("simple");
        assertThat(kafka.at("/spec/kafka/config/default.replication.factor").asInt()).isEqualTo(3);
        assertThat(kafka.at("/spec/kafka/config/min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(kafka.at("/spec/kafka/config/auto.create.topics.enable").asBoolean(true)).isFalse();
    }

    @Test
    void everyTopicAndItsDeadLetterTopicIsOnThreeBrokersAndWrittenToTwo() {
        for (String topic : Topics.ALL) {
            JsonNode kept = Resources.one(resources, "KafkaTopic", topic);
            JsonNode deadLetters = Resources.one(resources, "KafkaTopic", Topics.deadLetter(topic));
            for (JsonNode each : List.of(kept, deadLetters)) {
                assertThat(each.at("/metadata/labels/strimzi.io~1cluster").asText()).as(topic).isEqualTo("supportflow");
                assertThat(each.at("/spec/replicas").asInt()).as(topic).isEqualTo(3);
                assertThat(each.at("/spec/config/min.insync.replicas").asInt()).as(topic).isEqualTo(2);
            }
            // As many partitions as the local broker gives them (devstack): every ticket's events keep one order.
            assertThat(kept.at("/spec/partitions").asInt()).as(topic).isEqualTo(6);
            assertThat(kept.at("/spec/config/cleanup.policy").asText("delete")).as(topic)
                    .isEqualTo(Topics.COMPACTED.contains(topic) ? "compact" : "delete");
        }
        assertThat(Resources.find(resources, "KafkaTopic", null)).hasSize(2 * Topics.ALL.size());
    }

    @Test
    void theServicesSharedSettingsPointAtTheClusterAndLogInAsItsListenerAsks() {
        JsonNode kafka = Resources.one(resources, "Kafka", "supportflow");
        JsonNode settings = Resources.one(resources, "ConfigMap", "supportflow").path("data");

        assertThat(settings.path("KAFKA_BOOTSTRAP_SERVERS").asText())
                .isEqualTo("supportflow-kafka-bootstrap:" + kafka.at("/spec/kafka/listeners/0/port").asInt());
        assertThat(settings.path("KAFKA_SECURITY_PROTOCOL").asText())
                .isEqualTo(kafka.at("/spec/kafka/listeners/0/tls").asBoolean() ? "SASL_SSL" : "SASL_PLAINTEXT");
        assertThat(settings.path("KAFKA_SASL_MECHANISM").asText()).isEqualTo("SCRAM-SHA-512");
    }
}
