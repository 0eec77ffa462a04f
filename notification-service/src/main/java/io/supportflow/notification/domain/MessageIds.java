package io.supportflow.notification.domain;

import java.util.Locale;

import io.supportflow.events.NotificationKind;

/**
 * One Message-ID per ticket, kind and occasion, so a mail sent again after a crash (between the server's
 * acceptance and our commit) is recognisable as the same message by mail clients and by us.
 */
public final class MessageIds {

    private MessageIds() {
    }

    public static String of(String ticketId, NotificationKind kind, String occasion, String domain) {
        String local = ticketId + "." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-')
                + (occasion.isEmpty() ? "" : "." + occasion);
        return "<" + local + "@" + domain + ">";
    }
}
