package io.supportflow.notification;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

import io.supportflow.testing.SharedInfrastructure;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** What the real SMTP server (GreenMail) received, per recipient, with the bodies unpacked. */
final class Mailbox {

    private Mailbox() {
    }

    /**
     * The messages addressed to {@code address}. GreenMail keeps one copy per recipient's mailbox,
     * so a message to several recipients appears once for each of them.
     */
    static List<MimeMessage> to(String address) {
        return Arrays.stream(SharedInfrastructure.mail().received())
                .filter(message -> addressedTo(message, address))
                .toList();
    }

    /** How many messages each address has, counted as {@link #to} counts them, in one pass over the server. */
    static Map<String, Long> countsByRecipient() {
        return Arrays.stream(SharedInfrastructure.mail().received())
                .flatMap(message -> recipients(message).stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    static MimeMessage awaitOne(String address, Duration atMost) {
        Awaitility.await("mail to " + address).atMost(atMost).until(() -> !to(address).isEmpty());
        return to(address).get(0);
    }

    static String text(MimeMessage message) {
        return part(message, "text/plain").orElseThrow(() -> new AssertionError("no text/plain part"));
    }

    static String html(MimeMessage message) {
        return part(message, "text/html").orElseThrow(() -> new AssertionError("no text/html part"));
    }

    static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            return message.getAllRecipients() != null && recipients(message).contains(address);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> part(Part part, String mimeType) {
        try {
            if (part.isMimeType(mimeType)) {
                return Optional.of((String) part.getContent());
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    Optional<String> found = part(multipart.getBodyPart(i), mimeType);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
