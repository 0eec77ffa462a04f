package io.supportflow.intake.domain;

/** What a ticket gets whose account the directory does not know. */
public enum UnknownAccountPolicy {
    /** Refused: the channel's adapter must only post for accounts billing has told us about. */
    REFUSE,
    /** Accepted on the default plan (FREE), whatever plan the adapter named. */
    DEFAULT_PLAN,
    /**
     * Accepted on the plan the adapter named (the default plan when it named none): for the time before billing
     * has loaded the directory, when every account is still unknown.
     */
    CLAIMED_PLAN
}
