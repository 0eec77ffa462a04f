package io.supportflow.survey.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SurveyTokensTest {

    @Test
    void tokensCarry256RandomBitsInBase64Url() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = SurveyTokens.next();
            assertThat(SurveyTokens.isWellFormed(token)).isTrue();
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
            tokens.add(token);
        }
        assertThat(tokens).hasSize(1000);
    }

    @Test
    void anythingShapedDifferentlyIsNoToken() {
        assertThat(SurveyTokens.isWellFormed(null)).isFalse();
        assertThat(SurveyTokens.isWellFormed("short")).isFalse();
        assertThat(SurveyTokens.isWellFormed("A".repeat(42) + "/")).isFalse();
    }

    @Test
    void aFormSignatureFitsOnlyItsOwnSurveyAndSecret() {
        FormSignature signature = new FormSignature("secret-one");
        String token = SurveyTokens.next();
        String signed = signature.sign(token);

        assertThat(signature.verify(token, signed)).isTrue();
        assertThat(signature.verify(SurveyTokens.next(), signed)).isFalse();
        assertThat(new FormSignature("secret-two").verify(token, signed)).isFalse();
        assertThat(signature.verify(token, null)).isFalse();
    }
}
