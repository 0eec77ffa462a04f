package io.supportflow.intake.service;

/** The ticket store failed the submission (no free connection, database away): nothing was stored, a retry may succeed. */
public class NotStoredException extends RuntimeException {

    public NotStoredException(Throwable cause) {
        super("The ticket could not be stored just now; nothing was kept", cause);
    }
}
