package io.supportflow.runtime.messaging;

import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.supportflow.events.Topics;

/**
 * Sets a consumed record aside on {@code <topic>.dlq} of the topic it came from, whichever topic of its channel that
 * was: the channel's failure strategy (dead-letter-queue) sends it, with the reason in its headers.
 */
public final class DeadLetters {

    private DeadLetters() {
    }

    public static CompletableFuture<Void> send(KafkaRecord<String, String> record, Throwable reason) {
        Metadata destination = Metadata.of(OutgoingKafkaRecordMetadata.builder()
                .withTopic(Topics.deadLetter(record.getTopic())).build());
        return record.nack(reason, destination).toCompletableFuture();
    }
}
