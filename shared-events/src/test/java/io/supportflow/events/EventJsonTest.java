package io.supportflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventJsonTest {

    @Test
    void everyEventTypeSurvivesARoundTripThroughJson() {
        assertThat(SampleEvents.all()).extracting(EventType::of).containsOnly(EventType.values());
        for (SupportEvent event : SampleEvents.all()) {
            String json = EventJson.write(event);
            assertThat(EventJson.read(json, event.getClass())).isEqualTo(event);
        }
    }

    @Test
    void instantsAndDurationsAreWrittenAsIso8601() {
        SlaMet met = (SlaMet) SampleEvents.all().stream().filter(SlaMet.class::isInstance).findFirst().orElseThrow();
        String json = EventJson.write(met);
        assertThat(json).contains("\"target\":\"PT1H\"").contains("\"receivedAt\":\"2026-03-02T09:15:30.123Z\"");
    }

    @Test
    void absentOptionalFieldsAreLeftOut() {
        String json = EventJson.write(new TicketResolved("t-1", SampleEvents.T0, "agent", null));
        assertThat(json).doesNotContain("note");
    }

    @Test
    void aVersionOneRecordWithFieldsAddedLaterIsStillRead() {
        String olderWriterWithExtras = """
                {"ticketId":"t-1","at":"2026-03-02T09:15:30Z","by":"agent.kim","note":"done",
                 "resolutionCode":"FIXED","satisfactionHint":{"x":1}}""";
        TicketResolved resolved = EventJson.read(olderWriterWithExtras, TicketResolved.class);
        assertThat(resolved.by()).isEqualTo("agent.kim");
        assertThat(resolved.at()).isEqualTo("2026-03-02T09:15:30Z");
    }

    @Test
    void aTicketReceivedWrittenBeforeTheAccountDirectoryReadsWithNoClaimedPlan() {
        TicketReceived received = EventJson.read("""
                {"ticketId":"t-1","reference":"SF-1","channel":"WEB","plan":"PRO",
                 "customer":{"accountId":"A-1","name":"N","email":"n@example.com","locale":"en"},
                 "subject":"s","description":"d","receivedAt":"2026-03-02T09:15:30Z"}""", TicketReceived.class);
        assertThat(received.plan()).isEqualTo(Plan.PRO);
        assertThat(received.claimedPlan()).isNull();
    }

    @Test
    void aVerdictWrittenBeforePolicyVersionsReadsWithNoneAndANewOneKeepsItsVersion() {
        SlaMet old = EventJson.read("""
                {"ticketId":"t-1","plan":"PRO","priority":"P2","target":"PT4H","receivedAt":"2026-03-02T09:15:30Z",
                 "dueAt":"2026-03-02T13:15:30Z","at":"2026-03-02T09:20:00Z"}""", SlaMet.class);
        assertThat(old.policyVersion()).isNull();

        SlaMet tagged = new SlaMet("t-1", Plan.PRO, Priority.P2, Duration.ofHours(4), SampleEvents.T0,
                SampleEvents.T0.plusSeconds(14400), SampleEvents.T0, 3);
        assertThat(EventJson.read(EventJson.write(tagged), SlaMet.class).policyVersion()).isEqualTo(3);
    }

    @Test
    void anAccountChangedIsKeyedByItsAccountAndBelongsToNoTicket() {
        AccountChanged changed = EventJson.read("""
                {"accountId":"ACME-42","version":3,"plan":"ENTERPRISE","changedBy":"billing",
                 "at":"2026-03-02T09:15:30Z"}""", AccountChanged.class);
        assertThat(changed.key()).isEqualTo("ACME-42");
        assertThat(changed.ticketId()).isNull();
        assertThat(EventType.of(changed).topic()).isEqualTo(Topics.ACCOUNTS);
    }

    @Test
    void instantsAreReadWithTheirFractionAndOffsetAsWrittenByOtherProducers() {
        TicketResolved resolved = EventJson.read("""
                {"ticketId":"t-1","at":"2026-03-29T03:15:30.123456789+02:00","by":"agent"}""", TicketResolved.class);
        assertThat(resolved.at()).isEqualTo("2026-03-29T01:15:30.123456789Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-02 09:15:30Z", "2026-03-02T09:15Z", "2026-03-02T09:15:30", "2026-03-02T09:15:30Zjunk",
            "2026-03-02T09:15:30.123+01:00x", "yesterday"})
    void aRecordWithAnInstantThatIsNoRfc3339DateTimeToTheSecondIsUnreadable(String at) {
        assertThatThrownBy(() -> EventJson.read("""
                {"ticketId":"t-1","at":"%s","by":"agent"}""".formatted(at), TicketResolved.class))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining(at);
    }

    @Test
    void aRecordThatIsNotJsonIsUnreadable() {
        assertThatThrownBy(() -> EventJson.read("not json", TicketResolved.class))
                .isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void aRecordWithoutTicketIdIsUnreadable() {
        assertThatThrownBy(() -> EventJson.read("{\"at\":\"2026-03-02T09:15:30Z\"}", TicketResolved.class))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("ticketId");
    }

    @Test
    void aSurveyRatingThatIsMissingIsUnreadableRatherThanZero() {
        assertThatThrownBy(() -> EventJson.read("{\"ticketId\":\"t\",\"surveyId\":\"s\"}", SurveyCompleted.class))
                .isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void cloudEventsTypeNamesAreUniqueVersionedAndIndependentOfClassNames() {
        Set<String> names = Arrays.stream(EventType.values()).map(EventType::ceType).collect(Collectors.toSet());
        assertThat(names).hasSize(EventType.values().length)
                .allMatch(name -> name.matches("supportflow\\.[a-z-]+\\.[a-z-]+\\.v\\d+"));
        assertThat(EventType.TICKET_RECEIVED.ceType()).isEqualTo("supportflow.ticket.received.v1");
    }

    @Test
    void everyEventTypeIsPublishedOnAKnownTopic() {
        assertThat(EventType.values()).allMatch(type -> Topics.ALL.contains(type.topic()));
    }
}
