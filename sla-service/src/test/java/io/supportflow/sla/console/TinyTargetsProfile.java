package io.supportflow.sla.console;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * PRO tickets at P1 breach both clocks three seconds after receipt, so a browser can watch breaches and the
 * escalations they trigger happen; API tickets are handled on {@link #WAITING_SCHEDULE}, which a test sets up to open
 * days later, so they wait for business hours whenever the test runs.
 */
public class TinyTargetsProfile implements QuarkusTestProfile {

    static final String PRO_P1_TARGET = "3s";
    static final String WAITING_SCHEDULE = "console-waiting";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("supportflow.sla.targets.PRO.P1", PRO_P1_TARGET,
                "supportflow.sla.handling.targets.PRO.P1", PRO_P1_TARGET,
                "supportflow.sla.handling.schedules.API", WAITING_SCHEDULE);
    }
}
