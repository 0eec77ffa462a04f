package io.supportflow.notification;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.supportflow.testing.WebhookReceiver;

/**
 * The webhooks of the paging tests point at the test's {@link WebhookReceiver}, on a port only known once it
 * started. Retries keep the %test profile's short backoff; a webhook has a few seconds to answer, more than a
 * receiver in this JVM needs even on a busy build machine, so that only a receiver held on purpose times out.
 */
public class WebhookProfile implements QuarkusTestProfile {

    static final String PAGER = "pager";
    static final String FLAKY = "flaky";
    static final String DEAD = "dead";
    static final String SLOW = "slow";
    static final String SECRET = "test-signing-secret-";
    static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(8);

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        for (String webhook : new String[] {PAGER, FLAKY, DEAD, SLOW}) {
            config.put("supportflow.notification.webhooks." + webhook + ".url", WebhookReceiver.shared().url(webhook));
            config.put("supportflow.notification.webhooks." + webhook + ".secret", secretOf(webhook));
        }
        config.put("supportflow.notification.delivery.webhook-timeout", WEBHOOK_TIMEOUT.toMillis() + "ms");
        return config;
    }

    static String secretOf(String webhook) {
        return SECRET + webhook;
    }
}
