package io.supportflow.intake.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportflow.events.CloudEventHeaders;
import io.supportflow.events.SubmissionResult;
import io.supportflow.runtime.messaging.ConsumerRetryConfig;
import io.supportflow.runtime.messaging.DeadLetters;
import io.supportflow.runtime.messaging.Outbox;
import io.supportflow.runtime.messaging.TransientFailureRetry;
import io.supportflow.runtime.tracing.ConsumerSpans;
import io.supportflow.runtime.tracing.TraceContexts;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Kafka entrance: submissions that channel adapters publish on their channel's topic become tickets by the HTTP
 * path's rules ({@link SubmissionAnswers}), and each is answered on {@code tickets.submissions.results} through the
 * outbox. The answers of a poll are written in one transaction and only then is the poll acknowledged: a crash in
 * between answers its submissions again, with the same ticket and the same answer id. A record that is no
 * submission goes to its topic's dead-letter topic.
 */
@ApplicationScoped
public class AdapterSubmissionListener {

    static final String CHANNEL = "adapter-submissions";
    static final String WORKER_POOL = "adapter-submissions";
    private static final String ANSWER_ROLE = "submission-answer";
    private static final Duration AGAIN_AFTER_FAILURE = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(AdapterSubmissionListener.class);

    private final SubmissionAnswers answers;
    private final Outbox outbox;
    private final ConsumerSpans spans;
    private final TransientFailureRetry retry;

    AdapterSubmissionListener(SubmissionAnswers answers, Outbox outbox, ConsumerSpans spans,
                              ConsumerRetryConfig retryConfig) {
        this.answers = answers;
        this.outbox = outbox;
        this.spans = spans;
        this.retry = TransientFailureRetry.configuredBy(retryConfig);
    }

    @Incoming(CHANNEL)
    @Blocking(WORKER_POOL)
    public CompletionStage<Void> answer(KafkaRecordBatch<String, String> batch) {
        List<Span> handling = new ArrayList<>();
        try {
            List<Pending> pending = new ArrayList<>();
            for (KafkaRecord<String, String> record : batch.getRecords()) {
                Span span = spans.start(record.getTopic(), AdapterSubmission.header(record, CloudEventHeaders.ID),
                        record.getKey(), TraceContexts.of(record.getHeaders()));
                handling.add(span);
                try (Scope continued = span.makeCurrent()) {
                    pending.add(Pending.of(record, span, answers));
                }
            }
            List<Answer> answered = new ArrayList<>();
            List<Pending> setAside = new ArrayList<>();
            for (Pending submission : pending) {
                try {
                    answered.add(new Answer(submission, submission.result().get(),
                            Context.root().with(submission.span())));
                } catch (ExecutionException failure) {
                    if (failure.getCause() instanceof SubmissionAnswers.ShuttingDown) {
                        return unacknowledged();
                    }
                    setAside.add(submission.withFailure(failure.getCause()));
                }
            }
            setAside.addAll(write(answered));
            CompletableFuture<?>[] sent = setAside.stream()
                    .map(submission -> DeadLetters.send(submission.record(), submission.failure()))
                    .toArray(CompletableFuture[]::new);
            return CompletableFuture.allOf(sent).thenCompose(allSent -> batch.ack());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            return unacknowledged();
        } finally {
            handling.forEach(Span::end);
        }
    }

    /**
     * A record of the poll and what becomes of it: its answer once it is ready, or why it cannot be answered (it is
     * no submission, or failing in a way no retry mends), which sets it aside alone.
     */
    private record Pending(KafkaRecord<String, String> record, Span span, String answerCause,
                           CompletableFuture<SubmissionResult> result, Throwable failure) {

        static Pending of(KafkaRecord<String, String> record, Span span, SubmissionAnswers answers) {
            try {
                AdapterSubmission submission = AdapterSubmission.of(record);
                return new Pending(record, span, submission.answerCause(), answers.answer(submission), null);
            } catch (RuntimeException notAnswerable) {
                return new Pending(record, span, null, CompletableFuture.failedFuture(notAnswerable), null);
            }
        }

        Pending withFailure(Throwable reason) {
            return new Pending(record, span, answerCause, result, reason);
        }
    }

    /** A submission's answer, in the trace of its record. */
    private record Answer(Pending submission, SubmissionResult result, Context trace) {
    }

    /**
     * Writes the answers, and returns the submissions whose answer no database takes (a value it refuses): each of
     * those goes to the dead letters alone. While the answers cannot be written for any other reason they wait,
     * retried until they are (their ids are deterministic, so a second write keeps the first), and the poll is not
     * acknowledged: nothing already made a ticket goes unanswered.
     */
    private List<Pending> write(List<Answer> answers) throws InterruptedException {
        List<Answer> waiting = answers;
        List<Pending> unwritable = new ArrayList<>();
        while (true) {
            try {
                writeTogether(waiting);
                return unwritable;
            } catch (InterruptedException stopped) {
                throw stopped;
            } catch (Exception failure) {
                stopIfInterrupted();
                List<Answer> again = new ArrayList<>();
                for (Answer answer : waiting) {
                    try {
                        writeTogether(List.of(answer));
                    } catch (InterruptedException stopped) {
                        throw stopped;
                    } catch (Exception alone) {
                        stopIfInterrupted();
                        // SQLSTATE classes 22 (data exception) and 23 (integrity): this value, not the moment, is at fault.
                        if (TransientFailureRetry.hasSqlState(alone, "22", "23")) {
                            unwritable.add(answer.submission().withFailure(alone));
                        } else {
                            again.add(answer);
                        }
                    }
                }
                if (again.isEmpty()) {
                    return unwritable;
                }
                LOG.errorf("%d submission answers could not be written, trying again in %d s: %s", again.size(),
                        AGAIN_AFTER_FAILURE.toSeconds(), failure.toString());
                TransientFailureRetry.Pause.SLEEP.pause(AGAIN_AFTER_FAILURE);
                waiting = again;
            }
        }
    }

    private void writeTogether(List<Answer> answers) throws Exception {
        retry.callUntilTheDatabaseAnswers(() -> {
            QuarkusTransaction.requiringNew().run(() -> answers.forEach(answer -> outbox.add(
                    answer.submission().answerCause(), ANSWER_ROLE, answer.result().at(), answer.result(),
                    answer.trace())));
            return null;
        }, TransientFailureRetry.Pause.SLEEP, (attempt, backoff, failure) -> LOG.warnf(
                "%d submission answers could not be written (attempt %d), retrying in %d ms: %s", answers.size(),
                attempt, backoff.toMillis(), failure.toString()), stillAway -> LOG.errorf(
                "The database stayed unreachable for the whole retry budget; %d submission answers wait: %s",
                answers.size(), stillAway.toString()));
    }

    private static void stopIfInterrupted() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("shutting down while writing submission answers");
        }
    }

    /**
     * Neither acknowledged nor set aside: the poll's offsets stay uncommitted and its submissions are answered after
     * the restart.
     */
    private static CompletionStage<Void> unacknowledged() {
        LOG.info("Shutting down while answering submissions; they are answered again after the restart");
        return new CompletableFuture<>();
    }
}
