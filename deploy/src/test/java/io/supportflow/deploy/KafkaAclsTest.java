package io.supportflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.supportflow.events.AdapterSubmissions;
import io.supportflow.events.Channel;
import io.supportflow.events.Topics;

/**
 * Each principal's rights, checked against what the service does: it may read exactly the topics its channels
 * consume (its application.properties), write exactly the topics it owns (DESIGN.md) and the dead-letter topics of
 * those it reads, in consumer groups named after it. The analytics principal reads the analytics topics only.
 */
class KafkaAclsTest {

    /** DESIGN.md's one writer per topic: a service, or for a channel's submissions on Kafka that channel's adapter. */
    static final Map<String, Set<String>> OWNS = Map.of(
            "intake-service", Set.of(Topics.TICKETS_RECEIVED, Topics.TICKETS_LIFECYCLE, Topics.ACCOUNTS,
                    AdapterSubmissions.RESULTS),
            "triage-service", Set.of(Topics.TICKETS_PRIORITY),
            "sla-service", Set.of(Topics.SLA_EVENTS, Topics.SLA_BREACHES, Topics.SLA_SCHEDULES, Topics.SLA_POLICIES),
            "notification-service", Set.of(Topics.TICKETS_NOTIFICATIONS),
            "survey-service", Set.of(Topics.SURVEYS_REQUESTED, Topics.SURVEYS_RESPONSES),
            adapter(Channel.WEB), Set.of(AdapterSubmissions.topic(Channel.WEB)),
            adapter(Channel.CHAT), Set.of(AdapterSubmissions.topic(Channel.CHAT)),
            adapter(Channel.PHONE), Set.of(AdapterSubmissions.topic(Channel.PHONE)));

    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

    private final List<JsonNode> resources = Resources.ofThisModule();

    @ParameterizedTest
    @FieldSource(Resources.SERVICES)
    void aServiceReadsWhatItConsumesAndWritesWhatItOwnsAndItsDeadLetters(String service) {
        Properties configuration = Resources.configurationOf(service);
        Set<String> consumed = consumedTopics(configuration);
        Set<String> writes = new TreeSet<>(OWNS.get(service));
        consumed.forEach(topic -> writes.add(Topics.deadLetter(topic)));

        JsonNode user = Resources.one(resources, "KafkaUser", service);
        assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
        assertThat(topicsAllowed(user, "Read")).isEqualTo(consumed);
        assertThat(topicsAllowed(user, "Write")).isEqualTo(writes);
        assertThat(groupPrefixes(user)).containsExactly(service);
        assertThat(groupIds(configuration)).allSatisfy(group -> assertThat(group).startsWith(service));
    }

    /** The principal of {@code channel}'s adapter on Kafka. */
    static String adapter(Channel channel) {
        return "adapter-" + channel.name().toLowerCase(Locale.ROOT);
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void anAdapterWritesOnlyItsChannelsSubmissionsAndReadsOnlyTheAnswers(Channel channel) {
        JsonNode adapter = Resources.one(resources, "KafkaUser", adapter(channel));

        assertThat(adapter.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
        assertThat(topicsAllowed(adapter, "Write")).containsExactly(AdapterSubmissions.topic(channel));
        assertThat(topicsAllowed(adapter, "Read")).containsExactly(AdapterSubmissions.RESULTS);
        assertThat(groupPrefixes(adapter)).containsExactly(adapter(channel));
    }

    @Test
    void analyticsReadsTheAnalyticsTopicsAndNothingWithACustomersAddressOrASurveyLink() {
        JsonNode analytics = Resources.one(resources, "KafkaUser", "analytics");

        assertThat(topicsAllowed(analytics, "Read")).containsExactlyInAnyOrder(Topics.SLA_EVENTS, Topics.SLA_BREACHES,
                Topics.SURVEYS_RESPONSES, Topics.TICKETS_PRIORITY);
        assertThat(topicsAllowed(analytics, "Write")).isEmpty();
        assertThat(topicsAllowed(analytics, "Read")).doesNotContain(Topics.SURVEYS_REQUESTED, Topics.TICKETS_RECEIVED);
    }

    @Test
    void everyTopicHasExactlyOneWriterBesidesItsDeadLetterTopic() {
        for (String topic : Topics.ALL) {
            long writers = Resources.find(resources, "KafkaUser", null).stream()
                    .filter(user -> topicsAllowed(user, "Write").contains(topic))
                    .count();
            assertThat(writers).as(topic).isEqualTo(1);
        }
    }

    /** The topics of every Kafka channel the service consumes (a channel without topic(s) reads its own name). */
    private static Set<String> consumedTopics(Properties configuration) {
        Set<String> topics = new TreeSet<>();
        for (String key : configuration.stringPropertyNames()) {
            Matcher channel = INCOMING.matcher(key);
            if (!channel.matches()) {
                continue;
            }
            String prefix = "mp.messaging.incoming." + channel.group(1) + ".";
            String named = configuration.getProperty(prefix + "topics", configuration.getProperty(prefix + "topic",
                    channel.group(1)));
            Arrays.stream(named.split(",")).map(String::trim).forEach(topics::add);
        }
        return topics;
    }

    private static Set<String> groupIds(Properties configuration) {
        Set<String> groups = new TreeSet<>();
        for (String key : configuration.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".group.id")) {
                groups.add(resolved(configuration, configuration.getProperty(key)));
            }
        }
        return groups;
    }

    /** A value with its ${property:default} expressions replaced, as far as the file itself says. */
    private static String resolved(Properties configuration, String value) {
        Matcher expression = EXPRESSION.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (expression.find()) {
            String replacement = configuration.containsKey(expression.group(1))
                    ? resolved(configuration, configuration.getProperty(expression.group(1)))
                    : expression.group(2) != null ? expression.group(2) : "${" + expression.group(1) + "}";
            expression.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        expression.appendTail(resolved);
        return resolved.toString();
    }

    static Set<String> topicsAllowed(JsonNode user, String operation) {
        Set<String> topics = new TreeSet<>();
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            if ("topic".equals(acl.at("/resource/type").asText())) {
                assertThat(acl.at("/resource/patternType").asText()).as("topic rights name one topic").isEqualTo("literal");
                acl.path("operations").forEach(granted -> {
                    if (operation.equals(granted.asText())) {
                        topics.add(acl.at("/resource/name").asText());
                    }
                });
            }
        }
        return topics;
    }

    private static List<String> groupPrefixes(JsonNode user) {
        List<String> prefixes = new ArrayList<>();
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            if ("group".equals(acl.at("/resource/type").asText())) {
                assertThat(acl.at("/resource/patternType").asText()).as("groups named after the user").isEqualTo("prefix");
                prefixes.add(acl.at("/resource/name").asText());
            }
        }
        return prefixes;
    }
}
