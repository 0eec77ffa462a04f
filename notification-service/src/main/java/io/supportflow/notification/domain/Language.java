package io.supportflow.notification.domain;

import java.util.Locale;

/** The languages customer-facing text exists in; anything else is answered in English. */
public enum Language {
    EN, DE;

    public static Language of(String locale) {
        return locale != null && locale.toLowerCase(Locale.ROOT).startsWith("de") ? DE : EN;
    }
}
