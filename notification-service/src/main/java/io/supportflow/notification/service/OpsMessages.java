package io.supportflow.notification.service;

import java.util.List;
import java.util.function.Function;

import io.supportflow.events.HandlingScheduled;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.Recipient;
import io.supportflow.events.SlaEscalated;
import io.supportflow.notification.domain.MessageIds;
import io.supportflow.notification.domain.Occasions;
import io.supportflow.notification.domain.Wording;
import io.supportflow.notification.mail.EscalationMail;
import io.supportflow.notification.mail.MailComposer;
import io.supportflow.notification.mail.OnCallPageMail;
import io.supportflow.notification.mail.OutgoingMail;
import io.supportflow.notification.service.NotificationRequests.TicketMessages;
import io.supportflow.notification.webhook.OutgoingWebhook;
import io.supportflow.notification.webhook.WebhookPayload;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Pages and escalations, as sla named their recipients: one message per recipient, each its own notification (its
 * own retries, its own CustomerNotified), by the recipient's channel: a mail to an email address, a signed POST to
 * a named webhook. Whom to reach was resolved by sla (rotation, ladder, schedules); this only delivers.
 */
@ApplicationScoped
class OpsMessages {

    private final MailComposer composer;

    OpsMessages(MailComposer composer) {
        this.composer = composer;
    }

    /** Pages everyone {@code page} names, once per scheduling event ({@code eventId}) and recipient. */
    void page(TicketMessages messages, String eventId, HandlingScheduled page) {
        OnCallPageMail mail = pageMail(page);
        requestEach(messages, page.paged(), recipient -> Occasions.page(eventId, recipient),
                new Rendered(NotificationKind.ON_CALL_PAGE, mail.subject(),
                        address -> composer.onCallPage(address, mail), id -> WebhookPayload.page(id, page)));
    }

    /** Tells everyone the level names, once per SlaEscalated event ({@code eventId}) and recipient. */
    void escalate(TicketMessages messages, String eventId, SlaEscalated escalated) {
        EscalationMail mail = escalationMail(escalated);
        requestEach(messages, escalated.recipients(), recipient -> Occasions.escalation(eventId, recipient),
                new Rendered(NotificationKind.ESCALATION, mail.subject(),
                        address -> composer.escalation(address, mail), id -> WebhookPayload.escalation(id, escalated)));
    }

    private static void requestEach(TicketMessages messages, List<Recipient> recipients,
                                    Function<Recipient, String> occasionOf, Rendered message) {
        NotificationKind kind = message.kind();
        for (Recipient recipient : recipients) {
            String occasion = occasionOf.apply(recipient);
            switch (recipient.kind()) {
                case EMAIL -> messages.request(kind, occasion, message.mailTo().apply(recipient.address()));
                case WEBHOOK -> {
                    // The body carries the notification's id, for the receiver to drop a delivery it already has.
                    String id = MessageIds.notificationId(messages.ticketId(), kind, occasion);
                    WebhookPayload payload = message.payloadWithId().apply(id);
                    messages.request(kind, occasion, OutgoingWebhook.of(recipient.address(), message.summary(), payload));
                }
            }
        }
    }

    private static OnCallPageMail pageMail(HandlingScheduled page) {
        String description = "ticket " + page.reference() + " (" + page.priority() + ", " + page.plan()
                + ", handled " + Wording.mode(page.mode()) + ") is to be taken up from "
                + Wording.instant(page.handleFrom()) + " and by " + Wording.instant(page.dueAt())
                + " at the latest. Acknowledge it when you take it up"
                + " (intake-service: POST /api/v1/tickets/{id}/acknowledge, as an agent).";
        return new OnCallPageMail(page.reference(), page.ticketId(), page.plan(), page.priority(),
                Wording.mode(page.mode()), Wording.instant(page.handleFrom()), Wording.instant(page.dueAt()),
                description);
    }

    private static EscalationMail escalationMail(SlaEscalated escalated) {
        String description = "ticket " + escalated.reference() + " (" + escalated.priority() + ", "
                + escalated.plan() + ") reached level " + escalated.level() + " of its escalation ladder: "
                + Wording.trigger(escalated.trigger()) + " and nobody has taken it up yet.";
        return new EscalationMail(escalated.reference(), escalated.ticketId(), escalated.plan(), escalated.priority(),
                escalated.level(), Wording.trigger(escalated.trigger()), Wording.instant(escalated.at()), description);
    }

    /** One page or escalation, ready for either channel: a mail per address, a webhook body per notification id. */
    private record Rendered(NotificationKind kind, String summary, Function<String, OutgoingMail> mailTo,
                            Function<String, WebhookPayload> payloadWithId) {
    }
}
