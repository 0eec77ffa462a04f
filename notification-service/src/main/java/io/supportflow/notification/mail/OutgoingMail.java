package io.supportflow.notification.mail;

import java.util.List;

/** A rendered message, ready to be stored and sent; recipients and subject are already header-safe. */
public record OutgoingMail(List<String> recipients, String subject, String text, String html) {
}
