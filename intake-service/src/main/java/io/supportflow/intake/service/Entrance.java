package io.supportflow.intake.service;

/**
 * The ways a submission comes in, in the words its refusals use: what named its channel, and what carried the
 * idempotency key sent beside the body.
 */
public enum Entrance {
    HTTP("API key", "Idempotency-Key", "Idempotency-Key header"),
    KAFKA("topic", "key", "record key");

    private final String credential;
    private final String keyField;
    private final String keyName;

    Entrance(String credential, String keyField, String keyName) {
        this.credential = credential;
        this.keyField = keyField;
        this.keyName = keyName;
    }

    public String credential() {
        return credential;
    }

    /** The name a problem gives the key in its {@code errors}. */
    public String keyField() {
        return keyField;
    }

    public String keyName() {
        return keyName;
    }
}
