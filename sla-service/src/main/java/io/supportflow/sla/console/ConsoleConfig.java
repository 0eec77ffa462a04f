package io.supportflow.sla.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the ops console needs to know beyond this service. */
@ConfigMapping(prefix = "supportflow.console")
public interface ConsoleConfig {

    /**
     * Where intake-service answers {@code GET /api/v1/tickets/{id}} (a ticket with its timeline, roles
     * agent or ops): every ticket in the console links there.
     */
    @WithDefault("http://127.0.0.1:8081")
    String ticketTimelineBaseUrl();

    /** Most open clocks the console lists. */
    @WithDefault("100")
    int openClocksShown();

    /** Most recent survey comments the console lists. */
    @WithDefault("10")
    int recentComments();
}
