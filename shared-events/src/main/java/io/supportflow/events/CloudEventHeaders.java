package io.supportflow.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Kafka headers of the CloudEvents 1.0 binary content mode: their names, and the one place they are written. */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    /** The headers of an event with these attributes, JSON in the record's value and the ticket as subject. */
    public static Map<String, String> of(String id, String ceType, String source, Instant time, String ticketId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, id);
        headers.put(TYPE, ceType);
        headers.put(SOURCE, source);
        headers.put(TIME, time.toString());
        headers.put(SUBJECT, ticketId);
        headers.put(SPEC_VERSION, SPEC_VERSION_1_0);
        headers.put(CONTENT_TYPE, JSON);
        return headers;
    }
}
