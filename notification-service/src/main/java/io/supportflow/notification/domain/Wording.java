package io.supportflow.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Durations and instants as people read them, in the customer's language. */
public final class Wording {

    private static final DateTimeFormatter UTC_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Wording() {
    }

    public static String duration(Duration duration, Language language) {
        long minutes = duration.toMinutes();
        if (minutes < 1) {
            return language == Language.DE ? "weniger als eine Minute" : "less than a minute";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return count(rest, language == Language.DE ? "Minute" : "minute", language == Language.DE ? "Minuten" : "minutes");
        }
        String hourText = count(hours, language == Language.DE ? "Stunde" : "hour", language == Language.DE ? "Stunden" : "hours");
        return rest == 0 ? hourText : hourText + " " + rest + " min";
    }

    public static String instant(Instant instant) {
        return UTC_MINUTES.format(instant);
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
