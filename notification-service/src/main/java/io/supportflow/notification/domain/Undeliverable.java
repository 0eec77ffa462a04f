package io.supportflow.notification.domain;

/**
 * A notification no further attempt can deliver, such as one to a webhook name the configuration does not know:
 * it is given up at once instead of retried until its give-up time.
 */
public class Undeliverable extends RuntimeException {

    public Undeliverable(String message) {
        super(message);
    }
}
