package io.supportflow.runtime.policy;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.supportflow.events.SlaPolicyChanged;
import io.supportflow.events.UnreadableEventException;
import io.supportflow.runtime.messaging.IncomingRecords;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Follows {@code sla.policies} for a service that applies or shows a part of the SLA policy; only where
 * {@code supportflow.sla-policy.follow=true} is set at build time, with the channel {@value #CHANNEL} configured
 * to read the topic from its start in a consumer group of the instance's own. A record that is not a policy goes
 * to {@code sla.policies.dlq}.
 */
@ApplicationScoped
@IfBuildProperty(name = "supportflow.sla-policy.follow", stringValue = "true")
public class SlaPolicyListener {

    public static final String CHANNEL = "sla-policies";

    private final CurrentSlaPolicy policy;

    SlaPolicyListener(CurrentSlaPolicy policy) {
        this.policy = policy;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        if (!(IncomingRecords.read(record).event() instanceof SlaPolicyChanged changed)) {
            throw new UnreadableEventException("Not an SLA policy on " + record.topic());
        }
        policy.take(changed);
    }
}
