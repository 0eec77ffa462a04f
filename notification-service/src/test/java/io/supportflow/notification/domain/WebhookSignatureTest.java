package io.supportflow.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String BODY = "{\"id\":\"n-1\",\"type\":\"on-call-page\"}";

    @Test
    void isTheHexHmacSha256OfTimestampDotBodyAsOpensslComputesIt() {
        // printf '%s' '1764000000.<body>' | openssl dgst -sha256 -hmac 'topsecret'
        assertThat(WebhookSignature.of("topsecret", 1764000000L, BODY))
                .isEqualTo("sha256=976bdb22b0a9bca56a077e4038fed5784010dfb1e3eee2a849e20355d32d7e50");
    }

    @Test
    void anotherSecretTimestampOrBodyGivesAnotherSignature() {
        String signature = WebhookSignature.of("topsecret", 1764000000L, BODY);
        assertThat(WebhookSignature.of("topsecret2", 1764000000L, BODY)).isNotEqualTo(signature);
        assertThat(WebhookSignature.of("topsecret", 1764000001L, BODY)).isNotEqualTo(signature);
        assertThat(WebhookSignature.of("topsecret", 1764000000L, BODY.replace("n-1", "n-2"))).isNotEqualTo(signature);
    }
}
