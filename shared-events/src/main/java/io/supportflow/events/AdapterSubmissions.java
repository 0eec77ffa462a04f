package io.supportflow.events;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Kafka entrance for channel adapters that live on Kafka: each channel publishes its submissions to a topic of
 * its own, which only that channel's adapter may write (a Kafka ACL), so the topic a submission came from names its
 * channel as an API key does over HTTP. A record is keyed by the adapter's external reference and carries the same
 * JSON as the HTTP body, with CloudEvents headers of type {@value #CE_TYPE}. Intake answers each on {@link #RESULTS}.
 */
public final class AdapterSubmissions {

    public static final String CE_TYPE = "supportflow.ticket.submission.v1";
    public static final String TOPIC_PREFIX = "tickets.submitted.";
    /** Answers to submissions (accepted with the ticket, or refused with the problem), keyed as the submission. */
    public static final String RESULTS = "tickets.submissions.results";
    public static final List<String> TOPICS = Arrays.stream(Channel.values()).map(AdapterSubmissions::topic).toList();

    private AdapterSubmissions() {
    }

    /** {@code tickets.submitted.chat} for CHAT. */
    public static String topic(Channel channel) {
        return TOPIC_PREFIX + channel.name().toLowerCase(Locale.ROOT);
    }

    /** The channel whose adapters write {@code topic}, if it is a submission topic. */
    public static Optional<Channel> channelOf(String topic) {
        return Arrays.stream(Channel.values()).filter(channel -> topic(channel).equals(topic)).findFirst();
    }
}
