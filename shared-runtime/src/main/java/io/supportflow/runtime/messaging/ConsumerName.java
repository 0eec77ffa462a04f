package io.supportflow.runtime.messaging;

import java.util.Map;

/**
 * The name under which a consumer records the event ids it processed, by the topic an event came from:
 * one channel may read several topics and still keep the names its processed ids were recorded under.
 */
@FunctionalInterface
public interface ConsumerName {

    String ofTopic(String topic);

    /** One name, whichever topic. */
    static ConsumerName of(String name) {
        return topic -> name;
    }

    /** A name per topic; a topic without one is a configuration error. */
    static ConsumerName perTopic(Map<String, String> names) {
        Map<String, String> byTopic = Map.copyOf(names);
        return topic -> {
            String name = byTopic.get(topic);
            if (name == null) {
                throw new IllegalArgumentException("No consumer name for topic " + topic + " (known: "
                        + byTopic.keySet() + ")");
            }
            return name;
        };
    }
}
