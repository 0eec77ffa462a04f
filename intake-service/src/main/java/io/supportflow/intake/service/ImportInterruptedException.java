package io.supportflow.intake.service;

/** An import the database stopped part-way: the good lines up to a line are applied, the rest not. */
public class ImportInterruptedException extends RuntimeException {

    public ImportInterruptedException(int appliedThrough, RuntimeException cause) {
        super("The import stopped: " + (appliedThrough == 0 ? "no line was applied"
                : "the good lines of lines 1 to " + appliedThrough + " were applied") + "; resending the whole file "
                + "is safe (a line stating an account as it is changes nothing)", cause);
    }
}
