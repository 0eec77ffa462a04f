package io.supportflow.events;

/** How a ticket is handled, from the support policy: the priority decides, the ticket's schedule says when. */
public enum HandlingMode {
    /** Resources around the clock (P1): handled from arrival, counted in calendar time. */
    ROUND_THE_CLOCK,
    /**
     * Business hours plus extra cover outside them (P2): with extended cover on, handled from arrival in calendar
     * time; without it, as {@link #BUSINESS_HOURS}.
     */
    BUSINESS_HOURS_EXTENDED,
    /** Business hours of the ticket's schedule (P3, P4): handled from the next opening, counted in business time. */
    BUSINESS_HOURS
}
