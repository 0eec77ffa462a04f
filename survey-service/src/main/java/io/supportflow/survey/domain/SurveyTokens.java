package io.supportflow.survey.domain;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Survey tokens: 256 random bits, base64url without padding. Nothing of the ticket goes into
 * a token, so knowing a ticket (or its reference) does not help to guess its survey.
 */
public final class SurveyTokens {

    private static final int RANDOM_BYTES = 32;
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SurveyTokens() {
    }

    public static String next() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** False for anything no survey could have, so it is turned away without a database look-up. */
    public static boolean isWellFormed(String token) {
        return token != null && WELL_FORMED.matcher(token).matches();
    }
}
