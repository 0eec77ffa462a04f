package io.supportflow.notification.domain;

import java.util.Locale;

import io.supportflow.events.DeterministicIds;
import io.supportflow.events.NotificationKind;

/**
 * One id per ticket, kind and occasion, so a message sent again after a crash (between the server's acceptance,
 * or the webhook's 2xx, and our commit) is recognisable as the same message by mail clients, receivers and us.
 */
public final class MessageIds {

    private MessageIds() {
    }

    /** The mail's Message-ID. */
    public static String of(String ticketId, NotificationKind kind, String occasion, String domain) {
        String local = ticketId + "." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-')
                + (occasion.isEmpty() ? "" : "." + occasion);
        return "<" + local + "@" + domain + ">";
    }

    /** The notification's id: its row's key, and what a webhook receiver gets as {@code X-SupportFlow-Id}. */
    public static String notificationId(String ticketId, NotificationKind kind, String occasion) {
        return (occasion.isEmpty()
                ? DeterministicIds.nameUuid("notification", ticketId, kind.name())
                : DeterministicIds.nameUuid("notification", ticketId, kind.name(), occasion)).toString();
    }
}
