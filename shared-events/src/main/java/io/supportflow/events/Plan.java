package io.supportflow.events;

/** The customer's subscription plan; it decides channels and response targets. */
public enum Plan {
    FREE, PRO, BUSINESS, ENTERPRISE, EDUCATION, API
}
