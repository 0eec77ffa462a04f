package io.supportflow.sla.messaging;

/** The consumer name under which this service records processed event ids. */
final class Consumers {

    static final String SLA = "sla-service";

    private Consumers() {
    }
}
