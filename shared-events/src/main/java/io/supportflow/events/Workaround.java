package io.supportflow.events;

/** Whether the customer can work around the problem. */
public enum Workaround {
    NONE, PARTIAL, AVAILABLE
}
