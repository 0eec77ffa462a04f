package io.supportflow.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.HandlingMode;

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

    /** How a ticket is handled, for the ops team (English only). */
    public static String mode(HandlingMode mode) {
        return switch (mode) {
            case ROUND_THE_CLOCK -> "around the clock";
            case BUSINESS_HOURS_EXTENDED -> "business hours with extended cover";
            case BUSINESS_HOURS -> "business hours";
        };
    }

    /** What started an escalation level's wait, for the ops team (English only). */
    public static String trigger(EscalationTrigger trigger) {
        return switch (trigger) {
            case RESPONSE_WARNING -> "response target at risk";
            case RESPONSE_BREACH -> "response target missed";
            case HANDLING_WARNING -> "handling target at risk";
            case HANDLING_BREACH -> "handling target missed";
        };
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
