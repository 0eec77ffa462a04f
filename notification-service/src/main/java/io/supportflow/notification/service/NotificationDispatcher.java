package io.supportflow.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supportflow.events.CustomerNotified;
import io.supportflow.events.NotificationFailed;
import io.supportflow.notification.config.NotificationConfig;
import io.supportflow.notification.domain.RetryPolicy;
import io.supportflow.notification.domain.Undeliverable;
import io.supportflow.notification.mail.MailSender;
import io.supportflow.notification.repository.NotificationEntity;
import io.supportflow.notification.repository.NotificationStatus;
import io.supportflow.notification.webhook.WebhookSender;
import io.supportflow.runtime.concurrent.BackgroundLoop;
import io.supportflow.runtime.messaging.Outbox;
import io.supportflow.runtime.retry.Backoff;
import io.supportflow.runtime.tracing.TraceContexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Sends due notifications from the outbox, a batch per transaction: a worker claims what is due
 * ({@code SKIP LOCKED}, so no message is held twice), sends its mails over the mailer's SMTP pool and its webhook
 * deliveries over HTTP, all side by side, while the rows stay locked, and commits each message's SENT with its
 * CustomerNotified. A crash between the acceptance and the commit sends the batch again, with the same ids.
 */
@ApplicationScoped
public class NotificationDispatcher {

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class);
    private static final String NAME = "notification-dispatcher";
    private static final int MAX_ERROR_LENGTH = 2000;
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);

    private final MailSender mails;
    private final WebhookSender webhooks;
    private final Outbox outbox;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final BackgroundLoop.Settings loopSettings;
    private final int batchSize;
    private volatile BackgroundLoop loop = BackgroundLoop.disabled(NAME);

    NotificationDispatcher(MailSender mails, WebhookSender webhooks, Outbox outbox, Clock clock,
                           NotificationConfig config) {
        this.mails = mails;
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.clock = clock;
        NotificationConfig.Delivery delivery = config.delivery();
        this.retryPolicy = new RetryPolicy(new Backoff(delivery.initialBackoff(), delivery.maxBackoff()));
        // The poll interval finds retries coming due and requests of other instances; a send in progress at
        // shutdown ends within its timeout (SMTP or webhook), so it is committed or released within the shutdown
        // wait.
        Duration longestSend = mails.timeout().compareTo(webhooks.timeout()) >= 0
                ? mails.timeout() : webhooks.timeout();
        this.loopSettings = new BackgroundLoop.Settings(NAME, delivery.workers(), delivery.pollInterval(),
                PAUSE_AFTER_FAILURE, longestSend);
        this.batchSize = delivery.batchSize();
    }

    void start(@Observes StartupEvent startup) {
        loop = BackgroundLoop.start(loopSettings, () -> QuarkusTransaction.requiringNew().call(this::sendDue));
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        loop.stop();
    }

    void wakeOnRequest(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationRequested requested) {
        loop.wake();
    }

    /**
     * Claims what is due, at most a batch, and sends it side by side, mails and webhooks alike. After a round
     * that sent something the worker looks again at once (a priority change may have become due); after a
     * refused message it waits, so an outage costs one timeout per round, not one per message.
     */
    private BackgroundLoop.Outcome sendDue() {
        List<NotificationEntity> due = NotificationEntity.lockDue(clock.instant(), batchSize);
        // Started outside the transaction: context propagation would otherwise carry it onto the event-loop
        // threads that complete the mails' sends, and a commit while one of them still holds it is rolled back.
        List<CompletableFuture<Instant>> sends = QuarkusTransaction.suspendingExisting()
                .call(() -> due.stream().map(this::send).toList());
        boolean refused = false;
        for (int i = 0; i < due.size(); i++) {
            NotificationEntity notification = due.get(i);
            notification.attempts++;
            try {
                markSent(notification, sends.get(i).join());
            } catch (CompletionException e) {
                retryOrGiveUp(notification, e.getCause() != null ? e.getCause() : e);
                refused = true;
            }
        }
        return BackgroundLoop.Outcome.moreWaitingIf(!due.isEmpty() && !refused);
    }

    private CompletableFuture<Instant> send(NotificationEntity notification) {
        return switch (notification.channel) {
            case EMAIL -> mails.send(notification);
            case WEBHOOK -> webhooks.send(notification);
        };
    }

    private void markSent(NotificationEntity notification, Instant acceptedAt) {
        notification.status = NotificationStatus.SENT;
        notification.sentAt = acceptedAt;
        notification.lastError = null;
        outbox.add(notification.messageId, "customer-notified", acceptedAt, new CustomerNotified(
                notification.ticketId, notification.kind, String.join(", ", notification.recipientList()),
                notification.messageId, acceptedAt), TraceContexts.ofTraceparent(notification.traceparent));
    }

    /** Retried with backoff until the give-up time; one that no attempt can deliver is given up at once. */
    private void retryOrGiveUp(NotificationEntity notification, Throwable error) {
        Instant now = clock.instant();
        notification.lastError = describe(error);
        Optional<Instant> next = error instanceof Undeliverable ? Optional.empty()
                : retryPolicy.nextAttempt(notification.attempts, now, notification.giveUpAt);
        if (next.isPresent()) {
            notification.nextAttemptAt = next.get();
            LOG.warnf("%s for ticket %s not accepted (attempt %d), retrying at %s: %s", notification.kind,
                    notification.ticketId, notification.attempts, next.get(), notification.lastError);
            return;
        }
        notification.status = NotificationStatus.FAILED;
        notification.failedAt = now;
        LOG.errorf("%s for ticket %s given up after %d attempts: %s", notification.kind, notification.ticketId,
                notification.attempts, notification.lastError);
        outbox.add(notification.messageId, "notification-failed", now, new NotificationFailed(
                notification.ticketId, notification.kind, String.join(", ", notification.recipientList()),
                notification.attempts, notification.lastError, now), TraceContexts.ofTraceparent(notification.traceparent));
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root == error ? error.toString() : error + " (" + root + ")";
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
