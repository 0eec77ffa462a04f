package io.supportflow.sla.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The schedule and rotation that ship: stored as version 1 of {@code default} when the database has none, and
 * changed over the API from then on (a later change of these keys does not touch a stored version).
 */
@ConfigMapping(prefix = "supportflow.sla")
public interface CalendarConfig {

    DefaultSchedule defaultSchedule();

    DefaultRotation defaultRotation();

    interface DefaultSchedule {

        /** An IANA time zone id. */
        @WithDefault("Europe/Berlin")
        String zone();

        /** The days open from {@link #opens()} to {@link #closes()}; the others are closed. */
        @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
        List<DayOfWeek> days();

        /** Local time, HH:mm. */
        @WithDefault("08:00")
        String opens();

        /** Local time, HH:mm, or 24:00. */
        @WithDefault("18:00")
        String closes();

        /** A classpath resource in iCalendar format whose events are the schedule's holidays. */
        @WithDefault("schedules/german-public-holidays.ics")
        String holidays();
    }

    interface DefaultRotation {

        /** {@code Name <address>} each; none configured, no default rotation. */
        Optional<List<String>> members();

        /** Webhook names (notification-service maps them to URLs) paged beside the member on call. */
        Optional<List<String>> webhooks();

        /** When the first member's first shift begins. */
        @WithDefault("2026-01-05T07:00:00Z")
        Instant handoverAt();

        @WithDefault("P7D")
        Duration shift();
    }
}
