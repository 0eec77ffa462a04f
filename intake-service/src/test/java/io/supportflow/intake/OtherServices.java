package io.supportflow.intake;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.UUID;

import io.restassured.specification.RequestSpecification;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.SupportEvent;
import io.supportflow.testing.SharedInfrastructure;
import io.supportflow.testing.TopicWriter;

/** Publishes events the way triage, SLA, notification and survey services do; and reads as agents and ops. */
final class OtherServices implements AutoCloseable {

    private final TopicWriter writer = new TopicWriter(SharedInfrastructure.broker().bootstrapServers());

    EventEnvelope publish(String service, Instant time, SupportEvent event) {
        EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID().toString(), "/supportflow/" + service, time, event);
        writer.publish(envelope);
        return envelope;
    }

    void publish(EventEnvelope envelope) {
        writer.publish(envelope);
    }

    void sendRaw(String topic, String key, String value, java.util.Map<String, String> headers) {
        writer.send(topic, key, value, headers);
    }

    static RequestSpecification asAgent() {
        return given().auth().preemptive().basic("agent", "agent-dev-password");
    }

    static RequestSpecification asOps() {
        return given().auth().preemptive().basic("ops", "ops-dev-password");
    }

    @Override
    public void close() {
        writer.close();
    }
}
