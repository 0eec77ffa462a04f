package io.supportflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.supportflow.events.AdapterSubmissions;
import io.supportflow.events.Channel;
import io.supportflow.events.CloudEventHeaders;
import io.supportflow.events.EventType;
import io.supportflow.events.Topics;

/**
 * docs/events/asyncapi.yaml, the AsyncAPI 3 description of SupportFlow's topics, says what the code and the Kafka
 * ACLs say: every topic with its key and the events on it (CloudEvents headers, the payload's JSON Schema beside it),
 * the one service that writes it (DESIGN.md) and every principal allowed to read it (strimzi-users.yaml). It is
 * written from those, never by hand: {@code -Dsupportflow.events.write-contract=true} writes it again.
 */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Resources.ROOT.resolve("docs/events/asyncapi.yaml");
    private static final boolean WRITE = Boolean.getBoolean("supportflow.events.write-contract");
    private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.SPLIT_LINES).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SUBMISSION_KEY = "the adapter's external reference (the submission's idempotency key)";
    private static final Map<String, String> KEYS = Map.of(Topics.SLA_SCHEDULES, "the schedule's or rotation's id",
            Topics.SLA_POLICIES, "sla-policy: there is one policy", Topics.ACCOUNTS, "the account's id",
            AdapterSubmissions.RESULTS, SUBMISSION_KEY + ", as the submission answered",
            AdapterSubmissions.topic(Channel.WEB), SUBMISSION_KEY, AdapterSubmissions.topic(Channel.CHAT), SUBMISSION_KEY,
            AdapterSubmissions.topic(Channel.PHONE), SUBMISSION_KEY);

    private final List<JsonNode> resources = Resources.ofThisModule();

    @Test
    void theAsyncApiDocumentNamesEveryTopicItsEventsItsWriterAndItsReaders() throws IOException {
        ObjectNode described = document();
        if (WRITE) {
            YAML.writeValue(DOCUMENT.toFile(), described);
        }
        assertThat(YAML.readTree(DOCUMENT.toFile())).as("docs/events/asyncapi.yaml no longer says what the code and the "
                + "ACLs say: write it again with -Dsupportflow.events.write-contract=true").isEqualTo(described);
    }

    private ObjectNode document() {
        ObjectNode document = NODES.objectNode().put("asyncapi", "3.0.0");
        document.putObject("info").put("title", "SupportFlow events").put("version", "1")
                .put("description", "Every topic SupportFlow's services talk through. Records are JSON, keyed as each "
                        + "channel says, with CloudEvents 1.0 binary-mode headers (ce_*); a record a reader cannot read "
                        + "goes to <topic>.dlq. Payload schemas: the *.schema.json files beside this document, served "
                        + "by every service under /events/.");
        document.putObject("servers").putObject("local").put("host", "127.0.0.1:9092").put("protocol", "kafka");
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode messages = document.putObject("components").putObject("messages");
        for (String topic : Topics.ALL) {
            describeTopic(topic, channels.putObject(topic), operations);
        }
        for (EventType type : EventType.values()) {
            messages.set(type.ceType(), message(type));
        }
        messages.set(AdapterSubmissions.CE_TYPE, submission());
        return document;
    }

    private void describeTopic(String topic, ObjectNode channel, ObjectNode operations) {
        String writer = KafkaAclsTest.OWNS.entrySet().stream().filter(owner -> owner.getValue().contains(topic))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        List<String> readers = principals().filter(user -> KafkaAclsTest.topicsAllowed(user, "Read").contains(topic))
                .map(user -> user.at("/metadata/name").asText()).sorted().toList();
        channel.put("address", topic).put("description", "Key: " + KEYS.getOrDefault(topic, "the ticket's id")
                + (Topics.COMPACTED.contains(topic) ? ". Compacted: the newest record per key is kept." : "."));
        ObjectNode onTopic = channel.putObject("messages");
        for (EventType type : EventType.values()) {
            if (type.topic().equals(topic)) {
                onTopic.putObject(type.ceType()).put("$ref", "#/components/messages/" + type.ceType());
            }
        }
        if (AdapterSubmissions.TOPICS.contains(topic)) {
            onTopic.putObject(AdapterSubmissions.CE_TYPE).put("$ref", "#/components/messages/" + AdapterSubmissions.CE_TYPE);
        }
        operations.set(writer + ".sends." + topic, operation("send", topic, writer));
        readers.forEach(reader -> operations.set(reader + ".receives." + topic, operation("receive", topic, reader)));
    }

    private static ObjectNode operation(String action, String topic, String principal) {
        ObjectNode operation = NODES.objectNode().put("action", action);
        operation.putObject("channel").put("$ref", "#/channels/" + topic);
        operation.put("summary", principal + (action.equals("send") ? " writes " : " reads ") + topic);
        return operation;
    }

    private static ObjectNode message(EventType type) {
        ObjectNode message = NODES.objectNode().put("name", type.recordClass().getSimpleName())
                .put("contentType", CloudEventHeaders.JSON);
        ObjectNode properties = headers(message, type.ceType());
        properties.withObjectProperty(CloudEventHeaders.ID).put("description", "Deterministic: the same fact always has the same id");
        properties.withObjectProperty(CloudEventHeaders.SOURCE).put("description", "/supportflow/<service>");
        properties.withObjectProperty(CloudEventHeaders.TIME).put("description", "When the fact happened, not when it was published");
        properties.putObject(CloudEventHeaders.SUBJECT).put("type", "string");
        message.putObject("payload").put("$ref", type.ceType() + ".schema.json");
        return message;
    }

    /** What a channel adapter publishes: the body of intake's POST /api/v1/tickets, with the same rules. */
    private static ObjectNode submission() {
        ObjectNode message = NODES.objectNode().put("name", "TicketSubmission").put("contentType", CloudEventHeaders.JSON)
                .put("description", "Answered on " + AdapterSubmissions.RESULTS + " by the submission's ce_id: "
                        + "accepted with the ticket, or refused with the problem details the HTTP entrance would give.");
        ObjectNode properties = headers(message, AdapterSubmissions.CE_TYPE);
        properties.withObjectProperty(CloudEventHeaders.ID).put("description", "The adapter's id of this submission; its answer "
                + "names it");
        properties.withObjectProperty(CloudEventHeaders.SOURCE).put("description", "The adapter, e.g. /adapters/chat (the topic, "
                + "not this attribute, names the channel)");
        message.putObject("payload").put("type", "object").put("description", "The JSON body of POST /api/v1/tickets: "
                + "schema TicketRequest of intake's OpenAPI description (/q/openapi); unknown fields are refused");
        return message;
    }

    /** The CloudEvents headers every record of {@code ceType} carries; returns their properties. */
    private static ObjectNode headers(ObjectNode message, String ceType) {
        ObjectNode headers = message.putObject("headers").put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        properties.putObject(CloudEventHeaders.SPEC_VERSION).put("const", CloudEventHeaders.SPEC_VERSION_1_0);
        properties.putObject(CloudEventHeaders.TYPE).put("const", ceType);
        properties.putObject(CloudEventHeaders.ID).put("type", "string");
        properties.putObject(CloudEventHeaders.SOURCE).put("type", "string");
        properties.putObject(CloudEventHeaders.TIME).put("type", "string").put("format", "date-time");
        headers.putArray("required").add(CloudEventHeaders.SPEC_VERSION).add(CloudEventHeaders.TYPE)
                .add(CloudEventHeaders.ID).add(CloudEventHeaders.SOURCE).add(CloudEventHeaders.TIME);
        return properties;
    }

    private Stream<JsonNode> principals() {
        return Resources.find(resources, "KafkaUser", null).stream();
    }
}
