package io.supportflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;

import io.supportflow.events.AdapterSubmissions;
import io.supportflow.events.Channel;
import io.supportflow.events.Topics;
import io.supportflow.testing.KafkaBroker;
import io.supportflow.testing.KafkaPrincipals;

/**
 * The principals and ACLs of strimzi-users.yaml on a real broker that enforces them (SCRAM-SHA-512, Kafka's
 * StandardAuthorizer): each service writes the topics it owns and is refused on every other, and the analytics
 * principal cannot read the topics that carry survey links or customers' addresses.
 */
class KafkaAclEnforcementTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static KafkaBroker broker;
    private static KafkaPrincipals principals;

    @BeforeAll
    static void startABrokerWithTheUsersAndAclsOfTheClusterDescription() {
        broker = KafkaBroker.withAcls().start();
        principals = KafkaPrincipals.createFrom(Resources.STRIMZI_USERS, broker);
    }

    @AfterAll
    static void stopTheBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest
    @FieldSource(Resources.SERVICES)
    void aServiceWritesTheTopicsItOwnsAndIsRefusedOnEveryOther(String service) throws Exception {
        Set<String> owned = KafkaAclsTest.OWNS.get(service);
        try (KafkaProducer<String, String> producer = producerOf(service)) {
            // The first send also waits for the new login to reach the listener.
            String first = owned.iterator().next();
            Awaitility.await(service + "'s first write").atMost(WAIT).ignoreExceptions()
                    .until(() -> producer.send(new ProducerRecord<>(first, "t-1", "{}")).get(10, TimeUnit.SECONDS) != null);

            for (String topic : Topics.ALL) {
                if (owned.contains(topic)) {
                    assertThat(producer.send(new ProducerRecord<>(topic, "t-1", "{}")).get(30, TimeUnit.SECONDS))
                            .as(topic).isNotNull();
                } else {
                    assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "t-1", "{}"))
                            .get(30, TimeUnit.SECONDS)).as(service + " writing " + topic)
                            .isInstanceOf(ExecutionException.class)
                            .hasCauseInstanceOf(TopicAuthorizationException.class);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void anAdapterWritesItsChannelsSubmissionsButNotAnotherChannelsNorATicketDirectly(Channel channel) {
        String own = AdapterSubmissions.topic(channel);
        try (KafkaProducer<String, String> producer = producerOf(KafkaAclsTest.adapter(channel))) {
            Awaitility.await(channel + "'s adapter's first write").atMost(WAIT).ignoreExceptions()
                    .until(() -> producer.send(new ProducerRecord<>(own, "ref-1", "{}")).get(10, TimeUnit.SECONDS) != null);

            List<String> refused = new ArrayList<>(AdapterSubmissions.TOPICS);
            refused.remove(own);
            refused.add(Topics.TICKETS_RECEIVED);
            for (String topic : refused) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "ref-1", "{}"))
                        .get(30, TimeUnit.SECONDS)).as(channel + "'s adapter writing " + topic)
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
        Awaitility.await(channel + "'s adapter reading the answers").atMost(WAIT).ignoreExceptions()
                .until(() -> polledWithoutRefusal(KafkaAclsTest.adapter(channel), AdapterSubmissions.RESULTS));
    }

    @Test
    void analyticsReadsTheAnalyticsTopicsButNotSurveyLinksOrReceivedTickets() {
        Awaitility.await("analytics reading sla.events").atMost(WAIT).ignoreExceptions()
                .until(() -> polledWithoutRefusal("analytics", Topics.SLA_EVENTS));

        for (String refused : List.of(Topics.SURVEYS_REQUESTED, Topics.TICKETS_RECEIVED)) {
            assertThatThrownBy(() -> polledWithoutRefusal("analytics", refused)).as(refused)
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    private static boolean polledWithoutRefusal(String user, String topic) {
        try (KafkaConsumer<String, String> consumer = consumerOf(user)) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            consumer.poll(Duration.ofSeconds(2));
            return true;
        }
    }

    private static KafkaProducer<String, String> producerOf(String user) {
        Properties settings = principals.clientSettings(user);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        return new KafkaProducer<>(settings);
    }

    private static KafkaConsumer<String, String> consumerOf(String user) {
        Properties settings = principals.clientSettings(user);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(settings);
    }

}
