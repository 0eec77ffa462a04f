package io.supportflow.events;

/** What the customer says the ticket is about, when the channel asks. */
public enum Category {
    OUTAGE, DEGRADED, FEATURE_PROBLEM, QUESTION, FEATURE_REQUEST, INSTALLATION, CONFIGURATION, BETA,
    PROFESSIONAL_SERVICES
}
