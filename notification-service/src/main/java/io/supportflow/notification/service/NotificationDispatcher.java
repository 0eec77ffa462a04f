package io.supportflow.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supportflow.events.CustomerNotified;
import io.supportflow.events.NotificationFailed;
import io.supportflow.notification.config.NotificationConfig;
import io.supportflow.notification.domain.RetryPolicy;
import io.supportflow.notification.repository.NotificationEntity;
import io.supportflow.notification.repository.NotificationStatus;
import io.supportflow.runtime.concurrent.WorkerThreads;
import io.supportflow.runtime.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Sends due notifications from the mail outbox, a batch per transaction: the batch's messages go out side
 * by side over the mailer's pool of SMTP connections, the rows stay locked while the server is talked to,
 * and each message's SENT plus its CustomerNotified are committed together.
 * A crash after the server accepted but before the commit sends again, with the same Message-ID:
 * at most a batch per worker ({@code delivery.batch-size}), which under light traffic is one message,
 * because a worker claims only what is due. After a round in which the server refused a message the worker
 * pauses, so an SMTP outage costs one timeout per round, not one per message.
 * Several workers send at once, each claiming with {@code SKIP LOCKED}, so no message is held by
 * two workers or two instances. A worker sends its batch side by side over the mailer's pool, whose
 * connections stay open between rounds; a send waiting for a free connection counts against its timeout.
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

    private final ReactiveMailer mailer;
    private final Duration sendTimeout;
    private final Outbox outbox;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final Duration pollInterval;
    private final int workerCount;
    private final int batchSize;
    private final Semaphore wakeups = new Semaphore(0);
    private volatile WorkerThreads workers = WorkerThreads.none();
    private volatile boolean running;

    NotificationDispatcher(ReactiveMailer mailer, Outbox outbox, Clock clock, NotificationConfig config,
                           @ConfigProperty(name = "quarkus.mailer.timeout") Duration sendTimeout) {
        this.mailer = mailer;
        this.sendTimeout = sendTimeout;
        this.outbox = outbox;
        this.clock = clock;
        this.retryPolicy = new RetryPolicy(config.delivery().initialBackoff(), config.delivery().maxBackoff());
        this.pollInterval = config.delivery().pollInterval();
        this.workerCount = config.delivery().workers();
        this.batchSize = config.delivery().batchSize();
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        workers = WorkerThreads.start("notification-dispatcher", workerCount, this::dispatchUntilStopped);
    }

    /** Not interrupted: a send in progress is committed or released, all within one shared wait. */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wakeups.release(workers.count());
        workers.awaitEnd(SHUTDOWN_WAIT);
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

    /** Sends batch after batch while messages are due; after a refused message the worker pauses first. */
    private void sendDue() {
        while (running) {
            Round round = QuarkusTransaction.requiringNew().call(this::attemptDue);
            // The requests served take their wake-ups; if one was another's, the next look finds that one.
            wakeups.tryAcquire(Math.min(round.claimed(), wakeups.availablePermits()));
            if (round.claimed() == 0 || round.refused()) {
                return;
            }
        }
    }

    /** Claims what is due, at most a batch, sends it side by side and tells whether a message was refused. */
    Round attemptDue() {
        List<NotificationEntity> due = NotificationEntity.lockDue(clock.instant(), batchSize);
        List<Mail> mails = due.stream().map(NotificationDispatcher::toMail).toList();
        // Started outside the transaction: context propagation would otherwise carry it onto the event-loop
        // threads that complete the sends, and a commit while one of them still holds it is rolled back.
        List<CompletableFuture<Instant>> sends = QuarkusTransaction.suspendingExisting()
                .call(() -> mails.stream().map(this::send).toList());
        boolean refused = false;
        for (int i = 0; i < due.size(); i++) {
            NotificationEntity notification = due.get(i);
            notification.attempts++;
            try {
                markSent(notification, sends.get(i).join());
            } catch (CompletionException e) {
                retryOrGiveUp(notification, e.getCause() instanceof RuntimeException cause ? cause : e);
                refused = true;
            }
        }
        return new Round(due.size(), refused);
    }

    /**
     * Starts sending over a connection of the mailer's pool; completes with the time the SMTP server accepted
     * the message, in the database's precision so that the row and CustomerNotified carry the same instant.
     */
    private CompletableFuture<Instant> send(Mail mail) {
        return mailer.send(mail)
                .ifNoItem().after(sendTimeout).fail()
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

    /** One transaction's work: how many due messages it claimed, and whether the server refused one. */
    record Round(int claimed, boolean refused) {
    }
}
