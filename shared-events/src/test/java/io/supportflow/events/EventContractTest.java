package io.supportflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;

/**
 * The event contract in docs/events, which every service serves under /events/: a JSON Schema per event type and
 * version, generated from its record, and a golden payload per type and version as it was first published. A record
 * that no longer matches its schema fails the build until the schema is written again (a compatible addition) or the
 * type gets a new version; a record that can no longer read its golden payload — a field removed or retyped — fails
 * it for good. {@code -Dsupportflow.events.write-contract=true} writes the schemas, and golden payloads missing so far.
 */
class EventContractTest {

    private static final Path CONTRACT = Path.of("..", "docs", "events");
    private static final boolean WRITE = Boolean.getBoolean("supportflow.events.write-contract");
    private static final ObjectMapper JSON = EventJson.configure(new ObjectMapper())
            .enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final SchemaGenerator SCHEMAS = new SchemaGenerator(
            new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                    .with(Option.EXTRA_OPEN_API_FORMAT_VALUES).build());

    @Test
    void everyEventTypesSchemaInDocsIsTheOneItsRecordGives() throws IOException {
        List<String> stale = new ArrayList<>();
        for (EventType type : EventType.values()) {
            JsonNode generated = schemaOf(type);
            Path file = CONTRACT.resolve(type.ceType() + ".schema.json");
            if (WRITE) {
                Files.writeString(file, JSON.writeValueAsString(generated) + "\n");
            } else if (!Files.exists(file) || !JSON.readTree(file.toFile()).equals(generated)) {
                stale.add(file.getFileName().toString());
            }
        }
        assertThat(stale).as("schemas that no longer describe their records: if the change only adds fields, write "
                + "them again with -Dsupportflow.events.write-contract=true; otherwise the type needs a new version")
                .isEmpty();
    }

    @Test
    void todaysRecordsStillReadEveryGoldenPayloadWithoutLosingAField() throws IOException {
        if (WRITE) {
            writeMissingGoldenPayloads();
        }
        for (EventType type : EventType.values()) {
            Path file = CONTRACT.resolve("golden").resolve(type.ceType() + ".json");
            assertThat(file).as("golden payload of " + type.ceType()).exists();
            JsonNode golden = JSON.readTree(file.toFile());
            SupportEvent read = EventJson.read(golden.toString(), type.recordClass());
            JsonNode writtenAgain = JSON.valueToTree(read);
            assertThat(missingOrChanged(golden, writtenAgain, "")).as(type.ceType() + ": fields lost or changed").isEmpty();
        }
    }

    @Test
    void everyGoldenPayloadUsesOnlyFieldsItsSchemaNames() throws IOException {
        for (EventType type : EventType.values()) {
            JsonNode golden = JSON.readTree(CONTRACT.resolve("golden").resolve(type.ceType() + ".json").toFile());
            JsonNode properties = schemaOf(type).path("properties");
            golden.fieldNames().forEachRemaining(field -> assertThat(properties.has(field))
                    .as(type.ceType() + " names " + field).isTrue());
        }
    }

    private static JsonNode schemaOf(EventType type) {
        return SCHEMAS.generateSchema(type.recordClass()).put("$id", type.ceType() + ".schema.json")
                .put("title", type.recordClass().getSimpleName() + " (" + type.ceType() + ", topic " + type.topic() + ")");
    }

    /** Paths of {@code golden} that {@code actual} lacks or holds another value at. */
    private static List<String> missingOrChanged(JsonNode golden, JsonNode actual, String path) {
        List<String> faults = new ArrayList<>();
        if (golden.isObject()) {
            golden.fields().forEachRemaining(field -> faults.addAll(missingOrChanged(field.getValue(),
                    actual.path(field.getKey()), path + "/" + field.getKey())));
        } else if (!golden.equals(actual)) {
            faults.add(path + ": " + golden + " became " + (actual.isMissingNode() ? "nothing" : actual));
        }
        return faults;
    }

    private static void writeMissingGoldenPayloads() throws IOException {
        Files.createDirectories(CONTRACT.resolve("golden"));
        Map<EventType, SupportEvent> firstOfEachType = new EnumMap<>(EventType.class);
        SampleEvents.all().forEach(event -> firstOfEachType.putIfAbsent(EventType.of(event), event));
        for (EventType type : EventType.values()) {
            Path file = CONTRACT.resolve("golden").resolve(type.ceType() + ".json");
            if (!Files.exists(file)) {
                Files.writeString(file, JSON.writeValueAsString(firstOfEachType.get(type)) + "\n");
            }
        }
    }
}
