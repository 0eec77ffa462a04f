package io.supportflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class DeterministicIdsTest {

    @Test
    void theSameSubmissionAlwaysYieldsTheSameTicketIdAcrossRuns() {
        // Equal to Python's uuid5 of the same namespace and name. If it changes, retried submissions made before an upgrade would fork tickets.
        assertThat(DeterministicIds.ticketId(Channel.WEB, "form-991")).isEqualTo("b1853f43-97f4-5b5c-ab2b-a941cb531218");
    }

    @Test
    void theChannelIsPartOfTheTicketIdentity() {
        assertThat(DeterministicIds.ticketId(Channel.WEB, "42")).isNotEqualTo(DeterministicIds.ticketId(Channel.CHAT, "42"));
    }

    @Test
    void ticketIdsAreVersionFiveUuids() {
        UUID id = UUID.fromString(DeterministicIds.ticketId(Channel.PHONE, "call-7"));
        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void anEventIdDependsOnItsCauseAndRole() {
        String first = DeterministicIds.eventId("cause-1", "sla-met");
        assertThat(DeterministicIds.eventId("cause-1", "sla-met")).isEqualTo(first);
        assertThat(DeterministicIds.eventId("cause-1", "sla-warning")).isNotEqualTo(first);
        assertThat(DeterministicIds.eventId("cause-2", "sla-met")).isNotEqualTo(first);
    }

    @Test
    void partsAreNotAmbiguousWhenConcatenated() {
        assertThat(DeterministicIds.nameUuid("ab", "c")).isNotEqualTo(DeterministicIds.nameUuid("a", "bc"));
    }

    @Test
    void referencesAreShortReadableAndStable() {
        String ticketId = DeterministicIds.ticketId(Channel.WEB, "form-991");
        assertThat(TicketReference.of(ticketId)).matches("SF-[0-9A-HJKMNP-TV-Z]{8}").isEqualTo(TicketReference.of(ticketId));
    }

    @Test
    void referencesDoNotCollideAcrossAHundredThousandTickets() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(TicketReference.of(DeterministicIds.ticketId(Channel.WEB, "ext-" + i)));
        }
        // 40 bits: the expected number of colliding pairs among 100k is about 0.005.
        assertThat(seen).hasSize(100_000);
    }
}
