package io.supportflow.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.supportflow.events.NotificationKind;
import io.supportflow.events.Recipient;

class OccasionsTest {

    private static final Recipient MAIL = Recipient.email("oncall@supportflow.example");
    private static final Recipient HOOK = Recipient.webhook("pager");

    @Test
    void aRedeliveredSchedulingNamesTheSamePagesAndARescheduledOneNewOnes() {
        assertThat(Occasions.page("event-1", MAIL)).isEqualTo(Occasions.page("event-1", MAIL));
        assertThat(Occasions.page("event-2", MAIL)).isNotEqualTo(Occasions.page("event-1", MAIL));
    }

    @Test
    void eachRecipientHasItsOwnPageEvenWhereAnAddressAndAWebhookNameAreSpelledAlike() {
        assertThat(Occasions.page("event-1", MAIL)).isNotEqualTo(Occasions.page("event-1", HOOK));
        assertThat(Occasions.page("event-1", Recipient.email("pager")))
                .isNotEqualTo(Occasions.page("event-1", Recipient.webhook("pager")));
    }

    @Test
    void anEscalationIsOncePerLevelAndRecipient() {
        assertThat(Occasions.escalation(2, HOOK)).isEqualTo(Occasions.escalation(2, HOOK)).startsWith("L2-");
        assertThat(Occasions.escalation(3, HOOK)).isNotEqualTo(Occasions.escalation(2, HOOK));
        assertThat(Occasions.escalation(2, MAIL)).isNotEqualTo(Occasions.escalation(2, HOOK));
    }

    @Test
    void occasionsFitTheColumnAndAMessageId() {
        String longAddress = "a".repeat(300) + "@supportflow.example";
        assertThat(Occasions.page("event-1", Recipient.email(longAddress))).hasSizeLessThanOrEqualTo(64);
        assertThat(Occasions.escalation(Integer.MAX_VALUE, Recipient.email(longAddress))).hasSizeLessThanOrEqualTo(64)
                .matches("[A-Za-z0-9-]+");
        assertThat(MessageIds.of("t-1", NotificationKind.ON_CALL_PAGE, Occasions.page("event-1", MAIL), "supportflow"))
                .matches("<t-1\\.on-call-page\\.[0-9a-f-]{36}@supportflow>");
    }
}
