package io.supportflow.survey.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The survey form's anti-CSRF field: an HMAC of the survey token under a server secret. Only a
 * page this service rendered carries it, and it fits no other survey.
 */
public final class FormSignature {

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public FormSignature(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("The survey form secret must not be empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String sign(String token) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] signature = mac.doFinal(("survey-form:" + token).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
        }
    }

    /** Compares in constant time, so response timing does not leak how much of a guess was right. */
    public boolean verify(String token, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(token).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
