package io.supportflow.sla.service;

/** A policy change made against a version that is no longer the newest (If-Match names an older one). */
public class PolicyVersionConflictException extends RuntimeException {

    public PolicyVersionConflictException(int expected, int newest) {
        super("The change was made against version " + expected + ", but version " + newest
                + " is in force: read it and change that");
    }
}
