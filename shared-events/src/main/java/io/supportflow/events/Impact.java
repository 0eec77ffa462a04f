package io.supportflow.events;

/** How badly the customer's operation is affected, as the customer reports it. */
public enum Impact {
    SERVICE_DOWN, SEVERELY_IMPAIRED, IMPAIRED, MINIMAL
}
