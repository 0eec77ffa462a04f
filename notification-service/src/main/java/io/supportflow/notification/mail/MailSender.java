package io.supportflow.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.supportflow.notification.repository.NotificationEntity;
import jakarta.enterprise.context.ApplicationScoped;

/** Sends a stored mail over a kept-alive connection of the mailer's SMTP pool, with its deterministic Message-ID. */
@ApplicationScoped
public class MailSender {

    private final ReactiveMailer mailer;
    private final Duration timeout;
    private final Clock clock;

    MailSender(ReactiveMailer mailer, Clock clock, @ConfigProperty(name = "quarkus.mailer.timeout") Duration timeout) {
        this.mailer = mailer;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** A send's limit, waiting for a pooled connection included. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Starts the send; completes with the time the SMTP server accepted the message, in the database's precision
     * so that the row and CustomerNotified carry the same instant.
     */
    public CompletableFuture<Instant> send(NotificationEntity notification) {
        return mailer.send(toMail(notification))
                .ifNoItem().after(timeout).fail()
                .map(accepted -> clock.instant().truncatedTo(ChronoUnit.MICROS))
                .subscribeAsCompletionStage();
    }

    private static Mail toMail(NotificationEntity notification) {
        return new Mail()
                .setTo(notification.recipientList())
                .setSubject(notification.subject)
                .setText(notification.textBody)
                .setHtml(notification.htmlBody)
                .addHeader("Message-ID", notification.messageId);
    }
}
