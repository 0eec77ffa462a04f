package io.supportflow.notification;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * An instance on a stack where sla-service has not published its first SLA policy yet: its {@code sla-policies}
 * channel reads a topic of its own that nothing has written to, while {@code sla.policies} already holds the policy
 * other tests of this JVM published. A fixed name: a fresh broker starts each test JVM, and the profile's class may
 * be loaded apart from the test's.
 */
public class FreshStackProfile implements QuarkusTestProfile {

    static final String POLICY_TOPIC = "sla.policies.fresh-stack";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mp.messaging.incoming.sla-policies.topic", POLICY_TOPIC);
    }
}
