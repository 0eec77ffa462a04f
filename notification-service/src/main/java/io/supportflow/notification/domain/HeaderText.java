package io.supportflow.notification.domain;

/**
 * Makes customer-typed text safe for a mail header: a CR or LF would end the header and let
 * the customer write their own (Bcc, ...), so line breaks and other control characters become spaces.
 */
public final class HeaderText {

    private static final int MAX_LENGTH = 200;

    private HeaderText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String singleLine = text.replaceAll("\\p{Cntrl}+", " ").replaceAll(" {2,}", " ").strip();
        return singleLine.length() <= MAX_LENGTH ? singleLine : singleLine.substring(0, MAX_LENGTH - 1) + "…";
    }
}
