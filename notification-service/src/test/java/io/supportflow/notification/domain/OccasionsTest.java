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
    void anEscalationIsOncePerEventAndRecipient() {
        assertThat(Occasions.escalation("event-2", HOOK)).isEqualTo(Occasions.escalation("event-2", HOOK));
        assertThat(Occasions.escalation("event-3", HOOK)).isNotEqualTo(Occasions.escalation("event-2", HOOK));
        assertThat(Occasions.escalation("event-2", MAIL)).isNotEqualTo(Occasions.escalation("event-2", HOOK));
    }

    @Test
    void occasionsFitTheColumnAndAMessageId() {
        String longAddress = "a".repeat(300) + "@supportflow.example";
        assertThat(Occasions.page("event-1", Recipient.email(longAddress))).hasSizeLessThanOrEqualTo(64);
        assertThat(Occasions.escalation("event-1", Recipient.email(longAddress))).hasSizeLessThanOrEqualTo(64)
                .matches("[A-Za-z0-9-]+");
        assertThat(MessageIds.of("t-1", NotificationKind.ON_CALL_PAGE, Occasions.page("event-1", MAIL), "supportflow"))
                .matches("<t-1\\.on-call-page\\.[0-9a-f-]{36}@supportflow>");
    }
}
