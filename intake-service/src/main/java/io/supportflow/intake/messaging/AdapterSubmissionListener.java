package io.supportflow.intake.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.header.Header;
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
import io.supportflow.events.UnreadableEventException;
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
        List<KafkaRecord<String, String>> records = batch.getRecords();
        List<Span> handling = records.stream().map(record -> spans.start(record.getTopic(), idOf(record), record.getKey(),
                TraceContexts.of(record.getHeaders()))).toList();
        List<CompletableFuture<SubmissionResult>> pending = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            try (Scope continued = handling.get(i).makeCurrent()) {
                pending.add(answer(records.get(i)));
            }
        }
        List<Answer> answered = new ArrayList<>();
        List<CompletableFuture<Void>> setAside = new ArrayList<>();
        try {
            for (int i = 0; i < records.size(); i++) {
                try {
                    answered.add(new Answer(pending.get(i).get(), Context.root().with(handling.get(i))));
                } catch (ExecutionException failure) {
                    if (failure.getCause() instanceof SubmissionAnswers.ShuttingDown) {
                        return unacknowledged();
                    }
                    setAside.add(DeadLetters.send(records.get(i), failure.getCause()));
                }
            }
            write(answered);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            return unacknowledged();
        } finally {
            handling.forEach(Span::end);
        }
        return CompletableFuture.allOf(setAside.toArray(CompletableFuture[]::new)).thenCompose(sent -> batch.ack());
    }

    private CompletableFuture<SubmissionResult> answer(KafkaRecord<String, String> record) {
        try {
            return answers.answer(AdapterSubmission.of(record));
        } catch (UnreadableEventException notASubmission) {
            return CompletableFuture.failedFuture(notASubmission);
        }
    }

    private static String idOf(KafkaRecord<String, String> record) {
        Header id = record.getHeaders().lastHeader(CloudEventHeaders.ID);
        return id == null || id.value() == null ? "" : new String(id.value(), StandardCharsets.UTF_8);
    }

    /** A submission's answer, in the trace of its record. */
    private record Answer(SubmissionResult result, Context trace) {
    }

    /** While the database cannot be reached the answers wait with it: none is given up, the poll is not acknowledged. */
    private void write(List<Answer> answers) throws InterruptedException {
        try {
            retry.callUntilTheDatabaseAnswers(() -> {
                QuarkusTransaction.requiringNew().run(() -> answers.forEach(answer -> outbox.add(
                        answer.result().submissionId(), ANSWER_ROLE, answer.result().at(), answer.result(),
                        answer.trace())));
                return null;
            }, TransientFailureRetry.Pause.SLEEP, (attempt, backoff, failure) -> LOG.warnf(
                    "%d submission answers could not be written (attempt %d), retrying in %d ms: %s", answers.size(),
                    attempt, backoff.toMillis(), failure.toString()), stillAway -> LOG.errorf(
                    "The database stayed unreachable for the whole retry budget; %d submission answers wait: %s",
                    answers.size(), stillAway.toString()));
        } catch (InterruptedException stopped) {
            throw stopped;
        } catch (Exception failure) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("shutting down while writing submission answers");
            }
            throw new IllegalStateException("Cannot write " + answers.size() + " submission answers", failure);
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
