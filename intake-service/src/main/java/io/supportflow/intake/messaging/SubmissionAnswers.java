package io.supportflow.intake.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.supportflow.events.SubmissionAccepted;
import io.supportflow.events.SubmissionRefused;
import io.supportflow.events.SubmissionResult;
import io.supportflow.events.UnreadableEventException;
import io.supportflow.intake.domain.TicketRequest;
import io.supportflow.intake.domain.TicketSubmission;
import io.supportflow.intake.rest.ProblemMappers;
import io.supportflow.intake.service.ChannelNotIncludedException;
import io.supportflow.intake.service.Entrance;
import io.supportflow.intake.service.IdempotencyConflictException;
import io.supportflow.intake.service.IntakeBusyException;
import io.supportflow.intake.service.InvalidSubmissionException;
import io.supportflow.intake.service.NotStoredException;
import io.supportflow.intake.service.NotYetPublishedException;
import io.supportflow.intake.service.SubmissionChecks;
import io.supportflow.intake.service.SubmissionOutcome;
import io.supportflow.intake.service.TicketSubmissions;
import io.supportflow.intake.service.UnknownAccountException;
import io.supportflow.runtime.messaging.TransientFailureRetry;
import io.supportflow.runtime.problem.JsonProblemMapper;
import io.supportflow.runtime.problem.Problem;
import io.supportflow.runtime.retry.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * Answers a submission from the Kafka entrance exactly as the HTTP entrance answers a post: the same strict JSON, the
 * same size limit, field checks, entitlements and idempotency (the record key is the idempotency key), the same
 * problem details when refused. What HTTP answers 503 (intake behind, the database or the broker away) is not an
 * answer here: the submission is tried again until it is stored and published, or intake shuts down (a failure to
 * store it for another reason than a busy or absent database only a few times).
 */
@ApplicationScoped
public class SubmissionAnswers {

    private static final Logger LOG = Logger.getLogger(SubmissionAnswers.class);
    private static final Backoff AGAIN = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));
    private static final int ATTEMPTS_ON_OTHER_FAILURES = 5;

    private final ObjectMapper json;
    private final SubmissionChecks checks;
    private final TicketSubmissions submissions;
    private final Clock clock;
    private final long maxBytes;
    private final ProblemMappers problems = new ProblemMappers();
    private volatile boolean stopping;

    SubmissionAnswers(ObjectMapper json, SubmissionChecks checks, TicketSubmissions submissions, Clock clock,
                      @ConfigProperty(name = "supportflow.http.max-body-size") MemorySize maxBody) {
        this.json = json;
        this.checks = checks;
        this.submissions = submissions;
        this.clock = clock;
        this.maxBytes = maxBody.asLongValue();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /**
     * The answer to {@code submission}, once its ticket is published or it is refused; fails with
     * {@link UnreadableEventException} when its value is not JSON, with {@link ShuttingDown} when intake stops first.
     */
    CompletableFuture<SubmissionResult> answer(AdapterSubmission submission) {
        try {
            TicketRequest request = read(submission);
            TicketSubmission ticket = checks.check(submission.channel(), Entrance.KAFKA, request, submission.key());
            return submit(new Attempt(submission, request.customer(), ticket, clock.instant(), Context.current()), 1, 0);
        } catch (WebApplicationException refused) {
            return CompletableFuture.<SubmissionResult>completedFuture(refused(submission, refused.getResponse()));
        }
    }

    private TicketRequest read(AdapterSubmission submission) {
        long bytes = submission.json().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw new WebApplicationException(Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "The submission has " + bytes + " bytes; at most " + maxBytes + " are taken"));
        }
        try {
            return json.readValue(submission.json(), TicketRequest.class);
        } catch (JsonProcessingException e) {
            if (JsonProblemMapper.isMalformed(e)) {
                throw new UnreadableEventException("Submission " + submission.id() + " is not JSON", e);
            }
            throw new WebApplicationException(new JsonProblemMapper().unreadableJson(e));
        }
    }

    /**
     * A submission checked and on its way to be stored: when it was received and the trace of its record, which its
     * TicketReceived keeps on whatever thread and however often it is tried.
     */
    private record Attempt(AdapterSubmission submission, TicketRequest.CustomerRequest customer,
                           TicketSubmission ticket, Instant receivedAt, Context trace) {
    }

    /**
     * @param number        the attempt's, for the backoff
     * @param otherFailures how many earlier attempts failed to store it for another reason than a busy or absent
     *                      database
     */
    private CompletableFuture<SubmissionResult> submit(Attempt attempt, int number, int otherFailures) {
        CompletableFuture<SubmissionOutcome> outcome;
        try {
            outcome = submissions.submit(attempt.ticket(), attempt.receivedAt(), attempt.trace()).toCompletableFuture();
        } catch (RuntimeException busy) {
            outcome = CompletableFuture.failedFuture(busy);
        }
        return outcome.<SubmissionResult>thenApply(stored -> accepted(attempt, stored))
                .exceptionallyCompose(failure -> {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    if (isPassing(cause)) {
                        return again(attempt, number, otherFailures, cause);
                    }
                    if (cause instanceof NotStoredException && otherFailures + 1 < ATTEMPTS_ON_OTHER_FAILURES) {
                        return again(attempt, number, otherFailures + 1, cause);
                    }
                    return refusal(cause).map(response -> CompletableFuture.<SubmissionResult>completedFuture(
                                    refused(attempt.submission(), response)))
                            .orElseGet(() -> CompletableFuture.failedFuture(cause));
                });
    }

    private CompletableFuture<SubmissionResult> again(Attempt attempt, int number, int otherFailures,
                                                      Throwable cause) {
        if (stopping) {
            return CompletableFuture.failedFuture(new ShuttingDown(cause));
        }
        Duration wait = AGAIN.after(number);
        LOG.debugf("Submission %s not stored yet (attempt %d), again in %d ms: %s", attempt.submission().id(), number,
                wait.toMillis(), cause.getMessage());
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(wait.toMillis(),
                TimeUnit.MILLISECONDS)).thenCompose(waited -> submit(attempt, number + 1, otherFailures));
    }

    /**
     * Intake behind, the broker not yet acknowledging, a database that cannot be reached or is busy (no connection
     * free, too many clients, a deadlock or serialization failure): each passes, and the submission waits it out.
     */
    private static boolean isPassing(Throwable failure) {
        return failure instanceof IntakeBusyException || failure instanceof NotYetPublishedException
                || failure instanceof NotStoredException && isDatabaseBusyOrAway(failure);
    }

    /** SQLSTATE classes 53 (insufficient resources) and 40 (transaction rollback), or the pool's timeout. */
    private static boolean isDatabaseBusyOrAway(Throwable failure) {
        if (TransientFailureRetry.isDatabaseUnreachable(failure) || TransientFailureRetry.hasSqlState(failure, "53", "40")) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The refusals a submission meets when it is stored, in the words the HTTP entrance answers them. */
    private Optional<Response> refusal(Throwable failure) {
        return Optional.ofNullable(switch (failure) {
            case InvalidSubmissionException invalid -> problems.invalid(invalid);
            case UnknownAccountException unknown -> problems.unknownAccount(unknown);
            case ChannelNotIncludedException notIncluded -> problems.channelNotIncluded(notIncluded);
            case IdempotencyConflictException conflict -> problems.conflict(conflict);
            default -> null;
        });
    }

    private SubmissionAccepted accepted(Attempt attempt, SubmissionOutcome stored) {
        AdapterSubmission submission = attempt.submission();
        return new SubmissionAccepted(submission.id(), submission.channel(), submission.key(), stored.ticketId(),
                stored.reference(), attempt.customer().writtenLocale(), attempt.customer().notices(), clock.instant());
    }

    private SubmissionRefused refused(AdapterSubmission submission, Response answer) {
        Problem problem = (Problem) answer.getEntity();
        return new SubmissionRefused(submission.id(), submission.channel(), submission.key(), problem.status(),
                problem.title(), problem.detail(), problem.errors() == null ? null : problem.errors().stream()
                .map(error -> new SubmissionRefused.FieldFault(error.field(), error.message())).toList(),
                clock.instant());
    }

    /** Intake stopped before the submission was stored: it is answered after the restart. */
    static final class ShuttingDown extends IllegalStateException {

        ShuttingDown(Throwable cause) {
            super("intake is shutting down", cause);
        }
    }
}
