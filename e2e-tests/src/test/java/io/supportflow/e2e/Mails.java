package io.supportflow.e2e;

import java.util.Arrays;

import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Looks into messages the SMTP server received. */
final class Mails {

    private Mails() {
    }

    static boolean isTo(MimeMessage message, String recipient) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().contains(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable message in the test mailbox", e);
        }
    }

    /** The whole message as sent, decoded enough to find a reference or a link in it. */
    static String text(MimeMessage message) {
        return decodeQuotedPrintableSoftBreaks(GreenMailUtil.getWholeMessage(message));
    }

    private static String decodeQuotedPrintableSoftBreaks(String raw) {
        return raw.replace("=\r\n", "").replace("=3D", "=");
    }
}
