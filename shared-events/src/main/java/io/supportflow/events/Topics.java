package io.supportflow.events;

import java.util.List;
import java.util.stream.Stream;

/**
 * Topic names, shared by producers, consumers and tests. Every topic but sla.schedules, sla.policies, accounts and
 * the Kafka entrance's ({@link AdapterSubmissions}, keyed by the adapter's external reference) is keyed by ticketId.
 */
public final class Topics {

    public static final String TICKETS_RECEIVED = "tickets.received";
    public static final String TICKETS_LIFECYCLE = "tickets.lifecycle";
    public static final String TICKETS_PRIORITY = "tickets.priority";
    public static final String TICKETS_NOTIFICATIONS = "tickets.notifications";
    public static final String SLA_EVENTS = "sla.events";
    public static final String SLA_BREACHES = "sla.breaches";
    /** Schedules and on-call rotations, keyed by what they change (calendar events). */
    public static final String SLA_SCHEDULES = "sla.schedules";
    /** The SLA policy, every version under one key and compacted: the newest version stays. */
    public static final String SLA_POLICIES = "sla.policies";
    /** Customer accounts, keyed by accountId and compacted: the newest version of each account stays. */
    public static final String ACCOUNTS = "accounts";
    public static final String SURVEYS_REQUESTED = "surveys.requested";
    public static final String SURVEYS_RESPONSES = "surveys.responses";

    /** The topics whose records are keyed by ticketId: every event on them belongs to one ticket's history. */
    public static final List<String> BY_TICKET = List.of(TICKETS_RECEIVED, TICKETS_LIFECYCLE, TICKETS_PRIORITY,
            TICKETS_NOTIFICATIONS, SLA_EVENTS, SLA_BREACHES, SURVEYS_REQUESTED, SURVEYS_RESPONSES);

    /** Every topic, the Kafka entrance's ({@link AdapterSubmissions}) among them. */
    public static final List<String> ALL = Stream.concat(Stream.of(TICKETS_RECEIVED, TICKETS_LIFECYCLE,
                    TICKETS_PRIORITY, TICKETS_NOTIFICATIONS, SLA_EVENTS, SLA_BREACHES, SLA_SCHEDULES, SURVEYS_REQUESTED,
                    SURVEYS_RESPONSES, ACCOUNTS, SLA_POLICIES, AdapterSubmissions.RESULTS),
            AdapterSubmissions.TOPICS.stream()).toList();

    /** The topics that keep the newest record per key rather than every record (cleanup.policy=compact). */
    public static final List<String> COMPACTED = List.of(ACCOUNTS, SLA_POLICIES);

    private Topics() {
    }

    /** Where records of {@code topic} go that a consumer cannot read. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
