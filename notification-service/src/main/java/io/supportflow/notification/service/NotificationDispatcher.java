package io.supportflow.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supportflow.events.CustomerNotified;
import io.supportflow.events.NotificationFailed;
import io.supportflow.notification.config.NotificationConfig;
import io.supportflow.notification.domain.RetryPolicy;
import io.supportflow.notification.repository.NotificationEntity;
import io.supportflow.notification.repository.NotificationStatus;
import io.supportflow.runtime.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Sends due notifications from the mail outbox, one per transaction: the row stays locked
 * while the SMTP server is talked to, and SENT plus CustomerNotified are committed together.
 * A crash after the server accepted but before the commit sends again, with the same Message-ID.
 * Several workers send at once, each claiming with {@code SKIP LOCKED}, so no message is held by
 * two workers or two instances; the mailer's pool keeps an SMTP connection open per worker.
 * Each committed request leaves one wake-up: an idle worker takes it and looks, and a worker that
 * claims a message takes one as well, so a burst wakes as many workers as it has messages and
 * leaves no stale wake-ups behind. The poll interval is the fallback that finds retries coming due
 * and requests committed by other instances.
 */
@ApplicationScoped
public class NotificationDispatcher {

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class);
    private static final int MAX_ERROR_LENGTH = 2000;
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);
    /** As long as the SMTP timeout (quarkus.mailer.timeout), so that a send in progress at shutdown is committed or released. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final Mailer mailer;
    private final Outbox outbox;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final Duration pollInterval;
    private final int workerCount;
    private final Semaphore wakeups = new Semaphore(0);
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    NotificationDispatcher(Mailer mailer, Outbox outbox, Clock clock, NotificationConfig config) {
        this.mailer = mailer;
        this.outbox = outbox;
        this.clock = clock;
        this.retryPolicy = new RetryPolicy(config.delivery().initialBackoff(), config.delivery().maxBackoff());
        this.pollInterval = config.delivery().pollInterval();
        this.workerCount = config.delivery().workers();
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        for (int i = 1; i <= workerCount; i++) {
            Thread worker = new Thread(this::dispatchUntilStopped, "notification-dispatcher-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    /** Not interrupted: a send in progress is committed or released, all within one shared wait. */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wakeups.release(workers.size());
        long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
        for (Thread worker : workers) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left > 0) {
                worker.join(left);
            }
        }
    }

    void wakeOnRequest(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationRequested requested) {
        wakeups.release();
    }

    private void dispatchUntilStopped() {
        while (running) {
            Duration pause = pollInterval;
            try {
                sendDue();
            } catch (RuntimeException e) {
                LOG.warnf("Sending due notifications failed, retrying in %s: %s", PAUSE_AFTER_FAILURE, e.toString());
                pause = PAUSE_AFTER_FAILURE;
            }
            try {
                // Only after a look found nothing: a request committed since then has left a wake-up.
                wakeups.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void sendDue() {
        while (running && QuarkusTransaction.requiringNew().call(this::attemptNextDue)) {
            // One request is served; if its wake-up was another's, the next look finds that one.
            wakeups.tryAcquire();
        }
    }

    /** Returns false when nothing was due. */
    boolean attemptNextDue() {
        Optional<NotificationEntity> due = NotificationEntity.lockNextDue(clock.instant());
        if (due.isEmpty()) {
            return false;
        }
        NotificationEntity notification = due.get();
        notification.attempts++;
        Instant acceptedAt;
        try {
            mailer.send(toMail(notification));
            // Stored and published alike, so both carry the database's precision.
            acceptedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        } catch (RuntimeException e) {
            retryOrGiveUp(notification, e);
            return true;
        }
        markSent(notification, acceptedAt);
        return true;
    }

    private static Mail toMail(NotificationEntity notification) {
        return new Mail()
                .setTo(notification.recipientList())
                .setSubject(notification.subject)
                .setText(notification.textBody)
                .setHtml(notification.htmlBody)
                .addHeader("Message-ID", notification.messageId);
    }

    private void markSent(NotificationEntity notification, Instant acceptedAt) {
        notification.status = NotificationStatus.SENT;
        notification.sentAt = acceptedAt;
        notification.lastError = null;
        outbox.add(notification.messageId, "customer-notified", acceptedAt, new CustomerNotified(
                notification.ticketId, notification.kind, String.join(", ", notification.recipientList()),
                notification.messageId, acceptedAt));
    }

    private void retryOrGiveUp(NotificationEntity notification, RuntimeException error) {
        Instant now = clock.instant();
        notification.lastError = describe(error);
        Optional<Instant> next = retryPolicy.nextAttempt(notification.attempts, now, notification.giveUpAt);
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
                notification.attempts, notification.lastError, now));
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
