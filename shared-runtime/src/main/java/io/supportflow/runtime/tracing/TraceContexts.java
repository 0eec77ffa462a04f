package io.supportflow.runtime.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * A trace's W3C {@value #TRACEPARENT} on a Kafka record, beside its CloudEvents headers: written by the outbox relay
 * from what the outbox row kept of the context that wrote it, read by the consumer that continues the trace; and kept
 * in a row for work a background thread does later in the same trace.
 */
public final class TraceContexts {

    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {

        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapGetter<Map<String, String>> STORED = new TextMapGetter<>() {

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContexts() {
    }

    /** The {@value #TRACEPARENT} of {@code context}'s span, or null when it has none (a scanner's own work). */
    public static String traceparentOf(Context context) {
        Map<String, String> headers = new HashMap<>();
        W3C.inject(context, headers, Map::put);
        return headers.get(TRACEPARENT);
    }

    /** The context a {@value #TRACEPARENT} kept earlier stands for; the root context for none (a new trace begins). */
    public static Context ofTraceparent(String traceparent) {
        return traceparent == null ? Context.root()
                : W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent), STORED);
    }

    /** The context a record's headers carry, or the root context when they carry none (a new trace begins). */
    public static Context of(Headers headers) {
        return W3C.extract(Context.root(), headers, KAFKA_HEADERS);
    }
}
