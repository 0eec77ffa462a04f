package io.supportflow.sla.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much the ops console lists. */
@ConfigMapping(prefix = "supportflow.console")
public interface ConsoleConfig {

    /** Most open clocks the console lists. */
    @WithDefault("100")
    int openClocksShown();

    /** Most recent survey comments the console lists. */
    @WithDefault("10")
    int recentComments();

    /** Most running handling clocks the console lists ("handling clocks at risk"). */
    @WithDefault("100")
    int handlingClocksShown();

    /** Most tickets waiting for business hours the console lists. */
    @WithDefault("100")
    int waitingShown();

    /** Most escalations the console lists when it loads; the live ones are added to them. */
    @WithDefault("50")
    int escalationsShown();
}
