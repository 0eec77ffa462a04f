package io.supportflow.runtime.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The span in which a consumed record is handled, in the trace the record carried: made current while it is
 * handled, the events it causes continue that trace (the outbox keeps it) and log lines name it.
 */
@ApplicationScoped
public class ConsumerSpans {

    private final Tracer tracer;

    ConsumerSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * @param key the record's key: the ticket (or, for a submission, the adapter's reference) it is about
     */
    public Span start(String topic, String messageId, String key, Context trace) {
        return tracer.spanBuilder("process " + topic).setParent(trace).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", messageId)
                .setAttribute("supportflow.record.key", key)
                .startSpan();
    }
}
