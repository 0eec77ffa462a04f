package io.supportflow.sla.console;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** PRO tickets at P1 breach three seconds after receipt, so a browser can watch a breach happen. */
public class TinyTargetsProfile implements QuarkusTestProfile {

    static final String PRO_P1_TARGET = "3s";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("supportflow.sla.targets.PRO.P1", PRO_P1_TARGET);
    }
}
