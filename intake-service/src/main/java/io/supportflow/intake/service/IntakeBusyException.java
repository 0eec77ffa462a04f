package io.supportflow.intake.service;

/** More submissions are waiting to be stored than intake takes on; nothing was kept, a retry later may succeed. */
public class IntakeBusyException extends RuntimeException {

    public IntakeBusyException() {
        super("Intake has more tickets waiting to be stored than it takes on; nothing was kept");
    }
}
