package io.supportflow.intake;

import static io.supportflow.intake.TicketRequests.assertNothingPublishedBefore;
import static io.supportflow.intake.TicketRequests.customerOf;
import static io.supportflow.intake.TicketRequests.json;
import static io.supportflow.intake.TicketRequests.validTicket;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.assertj.core.groups.Tuple;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportflow.events.AdapterSubmissions;
import io.supportflow.events.Channel;
import io.supportflow.events.DeterministicIds;
import io.supportflow.events.EventType;
import io.supportflow.events.SubmissionAccepted;
import io.supportflow.events.SubmissionRefused;
import io.supportflow.events.TicketReceived;
import io.supportflow.events.Topics;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import io.supportflow.testing.TopicWriter;

/**
 * The Kafka entrance on the real broker: a submission published on a channel's topic is taken by the HTTP path's
 * rules and answered on tickets.submissions.results; a record that is no submission is set aside.
 */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class KafkaEntranceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private TopicWriter adapter;

    @TopicClients.Reads(AdapterSubmissions.RESULTS)
    private TopicReader results;

    @TopicClients.Reads(Topics.TICKETS_RECEIVED)
    private TopicReader received;

    @TopicClients.Reads({"tickets.submitted.chat.dlq", "tickets.submitted.phone.dlq"})
    private TopicReader deadLetters;

    @Test
    void aValidSubmissionBecomesTheTicketOfItsTopicsChannelAndIsAnsweredWithIt() {
        Map<String, Object> ticket = validTicket("PRO");
        String ref = publish(Channel.CHAT, ticket);

        SubmissionAccepted accepted = results.awaitEvent(EventType.SUBMISSION_ACCEPTED, ref, PATIENCE);
        assertThat(accepted.ticketId()).isEqualTo(DeterministicIds.ticketId(Channel.CHAT, ref));
        assertThat(accepted.reference()).startsWith("SF-");
        assertThat(accepted.channel()).isEqualTo(Channel.CHAT);
        TicketReceived published = received.awaitEvent(EventType.TICKET_RECEIVED, accepted.ticketId(), PATIENCE);
        assertThat(published.channel()).isEqualTo(Channel.CHAT);
        assertThat(published.externalRef()).isEqualTo(ref);
        assertThat(published.subject()).isEqualTo(ticket.get("subject"));
    }

    @Test
    void aCustomerLocaleSupportFlowDoesNotWriteFallsBackAndTheAnswerSaysSo() {
        Map<String, Object> ticket = validTicket("PRO");
        customerOf(ticket).put("locale", "fr-CA");
        String ref = publish(Channel.WEB, ticket);

        SubmissionAccepted accepted = results.awaitEvent(EventType.SUBMISSION_ACCEPTED, ref, PATIENCE);
        assertThat(accepted.locale()).isEqualTo("en");
        assertThat(accepted.notices()).singleElement().asString().contains("customer.locale fr-CA");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("a required field missing", Channel.CHAT, "PRO", t -> t.remove("subject"), 400, "subject"),
                refusal("an unknown field", Channel.CHAT, "PRO", t -> t.put("catgory", "OUTAGE"), 400, "catgory"),
                refusal("a number for text", Channel.CHAT, "PRO", t -> t.put("subject", 42), 400, "subject"),
                refusal("an invalid e-mail", Channel.CHAT, "PRO", t -> customerOf(t).put("email", "ada"), 400,
                        "customer.email"),
                refusal("another channel claimed", Channel.CHAT, "BUSINESS", t -> t.put("channel", "PHONE"), 403,
                        "channel"),
                refusal("a channel the plan lacks", Channel.PHONE, "FREE", t -> { }, 403, null));
    }

    private static Arguments refusal(String name, Channel channel, String plan, Consumer<Map<String, Object>> breaking,
                                     int status, String field) {
        return Arguments.argumentSet(name, channel, plan, breaking, status, field);
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void aSubmissionTheHttpEntranceWouldRefuseIsRefusedWithTheSameProblemAndNothingIsPublished(
            Channel channel, String plan, Consumer<Map<String, Object>> breaking, int status, String field) {
        Map<String, Object> ticket = validTicket(plan);
        breaking.accept(ticket);
        String ref = publish(channel, ticket);

        SubmissionRefused refused = results.awaitEvent(EventType.SUBMISSION_REFUSED, ref, PATIENCE);
        assertThat(refused.status()).isEqualTo(status);
        assertThat(refused.channel()).isEqualTo(channel);
        assertThat(refused.detail()).isNotBlank().doesNotContain("io.supportflow", "java.");
        if (field != null) {
            assertThat(refused.errors()).extracting(SubmissionRefused.FieldFault::field).contains(field);
        }
        assertNothingPublishedBefore(received);
    }

    @Test
    void aChannelThePlanLacksIsRefusedInTheHttpEntrancesWords() {
        String ref = publish(Channel.PHONE, validTicket("FREE"));

        SubmissionRefused refused = results.awaitEvent(EventType.SUBMISSION_REFUSED, ref, PATIENCE);
        assertThat(refused.detail()).isEqualTo("The account's FREE plan includes [WEB, CHAT], not PHONE");
    }

    @Test
    void aSubmissionPublishedTwiceIsOneTicketAndBothAreAnsweredWithIt() {
        Map<String, Object> ticket = validTicket("PRO");
        String ref = publish(Channel.CHAT, ticket);
        publish(Channel.CHAT, ticket);

        // Published at least once: a record may come twice, but two answers have two ids.
        Awaitility.await("two answers to " + ref).atMost(PATIENCE)
                .until(() -> answersTo(ref).map(answer -> answer.header("ce_id")).distinct().count() == 2);
        assertThat(answersTo(ref).map(answer -> ((SubmissionAccepted) answer.envelope().event()).ticketId()).distinct())
                .containsExactly(DeterministicIds.ticketId(Channel.CHAT, ref));
        String probe = TicketRequests.submit(TicketRequests.WEB_KEY, validTicket("PRO"));
        received.awaitRecord(EventType.TICKET_RECEIVED, probe, PATIENCE);
        assertThat(received.records(record -> record.key().equals(DeterministicIds.ticketId(Channel.CHAT, ref))))
                .extracting(record -> record.header("ce_id")).containsOnly(
                        DeterministicIds.eventId(DeterministicIds.ticketId(Channel.CHAT, ref), "ticket-received"));
    }

    @Test
    void aKeyTheHttpEntranceWouldRefuseAsIdempotencyKeyIsRefusedNamingTheKey() {
        Map<String, Object> ticket = validTicket("PRO");
        String key = "k".repeat(201);
        adapter.send(AdapterSubmissions.topic(Channel.CHAT), key, json(ticket), headers(UUID.randomUUID().toString()));

        SubmissionRefused refused = results.awaitEvent(EventType.SUBMISSION_REFUSED, key, PATIENCE);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errors()).extracting(SubmissionRefused.FieldFault::field).containsExactly("key");
    }

    @Test
    void aSubmissionOverTheBodyLimitIsRefusedAs413() {
        Map<String, Object> ticket = validTicket("PRO");
        ticket.put("description", "x".repeat(64 * 1024));
        String ref = publish(Channel.WEB, ticket);

        SubmissionRefused refused = results.awaitEvent(EventType.SUBMISSION_REFUSED, ref, PATIENCE);
        assertThat(refused.status()).isEqualTo(413);
        assertNothingPublishedBefore(received);
    }

    @Test
    void theSameIdFromTwoChannelsIsTwoSubmissionsEachAnswered() {
        String sharedId = "submission-1-" + UUID.randomUUID();
        Map<String, Object> chat = validTicket("PRO");
        Map<String, Object> web = validTicket("PRO");
        adapter.send(AdapterSubmissions.topic(Channel.CHAT), (String) chat.get("externalRef"), json(chat), headers(sharedId));
        adapter.send(AdapterSubmissions.topic(Channel.WEB), (String) web.get("externalRef"), json(web), headers(sharedId));

        assertThat(results.<SubmissionAccepted>awaitEvent(EventType.SUBMISSION_ACCEPTED, (String) chat.get("externalRef"),
                PATIENCE).submissionId()).isEqualTo(sharedId);
        assertThat(results.<SubmissionAccepted>awaitEvent(EventType.SUBMISSION_ACCEPTED, (String) web.get("externalRef"),
                PATIENCE).submissionId()).isEqualTo(sharedId);
    }

    @Test
    void theSameReferenceWithAnotherSubmissionIsAConflict() {
        Map<String, Object> ticket = validTicket("PRO");
        String ref = publish(Channel.CHAT, ticket);
        results.awaitEvent(EventType.SUBMISSION_ACCEPTED, ref, PATIENCE);

        ticket.put("subject", "Something else entirely");
        publish(Channel.CHAT, ticket);

        SubmissionRefused refused = results.awaitEvent(EventType.SUBMISSION_REFUSED, ref, PATIENCE);
        assertThat(refused.status()).isEqualTo(409);
    }

    @Test
    void aRecordThatIsNoSubmissionIsSetAsideAndTheNextIsStillAnswered() {
        String notJson = "poison-" + UUID.randomUUID();
        adapter.send(AdapterSubmissions.topic(Channel.CHAT), notJson, "this is not JSON {", headers("s-" + notJson));
        String noType = "poison-" + UUID.randomUUID();
        adapter.send(AdapterSubmissions.topic(Channel.PHONE), noType, json(validTicket("BUSINESS")),
                Map.of("ce_id", "s-" + noType, "ce_specversion", "1.0"));
        String ref = publish(Channel.CHAT, validTicket("PRO"));

        results.awaitEvent(EventType.SUBMISSION_ACCEPTED, ref, PATIENCE);
        Awaitility.await("both poison records set aside").atMost(PATIENCE)
                .until(() -> deadLetters.records().size() == 2);
        assertThat(deadLetters.records()).extracting(ReceivedRecord::topic, ReceivedRecord::key).containsExactlyInAnyOrder(
                Tuple.tuple("tickets.submitted.chat.dlq", notJson),
                Tuple.tuple("tickets.submitted.phone.dlq", noType));
        assertThat(results.records(answer -> answer.key().startsWith("poison-"))).isEmpty();
    }

    /** Publishes {@code ticket} as {@code channel}'s adapter would, keyed by its externalRef, and returns that. */
    private String publish(Channel channel, Map<String, Object> ticket) {
        String ref = (String) ticket.get("externalRef");
        adapter.send(AdapterSubmissions.topic(channel), ref, json(ticket), headers(UUID.randomUUID().toString()));
        return ref;
    }

    private static Map<String, String> headers(String id) {
        return Map.of("ce_id", id, "ce_type", AdapterSubmissions.CE_TYPE, "ce_source", "/adapters/test",
                "ce_time", Instant.now().toString(), "ce_specversion", "1.0", "content-type", "application/json");
    }

    private Stream<ReceivedRecord> answersTo(String ref) {
        return results.records(answer -> ref.equals(answer.key())).stream();
    }
}
