package io.supportflow.sla.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.supportflow.events.Holiday;
import io.supportflow.events.OnCallMember;
import io.supportflow.events.OpeningInterval;
import io.supportflow.sla.config.CalendarConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The schedule and rotation that ship, as configured ({@link CalendarConfig}). */
@ApplicationScoped
public class CalendarDefaults {

    /** The id of the schedule that applies where no other is named, and of the rotation paged by default. */
    public static final String DEFAULT = "default";
    /** Who changed the versions this service made by itself. */
    public static final String CHANGED_BY = "sla-service";

    /** {@code Name <address>}, or a bare address. */
    private static final Pattern MEMBER = Pattern.compile("\\s*(?:(.*?)\\s*<([^<>]+)>|([^<>\\s]+))\\s*");

    private final CalendarConfig config;
    private final Clock clock;

    CalendarDefaults(CalendarConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Open on the configured days between the configured times, closed on the holidays of the shipped calendar. */
    public ScheduleDraft schedule() {
        CalendarConfig.DefaultSchedule schedule = config.defaultSchedule();
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        schedule.days().forEach(day -> week.put(day, List.of(new OpeningInterval(schedule.opens(), schedule.closes()))));
        List<Holiday> holidays = ScheduleService.holidaysIn(shippedCalendar(schedule.holidays()), LocalDate.now(clock));
        return new ScheduleDraft(schedule.zone(), week, holidays, List.of());
    }

    /** The configured rotation; none without members. */
    public Optional<RotationDraft> rotation() {
        CalendarConfig.DefaultRotation rotation = config.defaultRotation();
        List<String> members = rotation.members().orElse(List.of());
        if (members.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RotationDraft(rotation.handoverAt(), rotation.shift(),
                members.stream().map(CalendarDefaults::member).toList(), rotation.webhooks().orElse(List.of()), List.of()));
    }

    private static OnCallMember member(String configured) {
        Matcher matcher = MEMBER.matcher(configured);
        if (!matcher.matches()) {
            throw new IllegalStateException("supportflow.sla.default-rotation.members: \"" + configured
                    + "\" is neither Name <address> nor an address");
        }
        if (matcher.group(3) != null) {
            return new OnCallMember(matcher.group(3), matcher.group(3));
        }
        String name = matcher.group(1).isEmpty() ? matcher.group(2).strip() : matcher.group(1);
        return new OnCallMember(name, matcher.group(2).strip());
    }

    private static String shippedCalendar(String resource) {
        try (InputStream calendar = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (calendar == null) {
                throw new IllegalStateException("supportflow.sla.default-schedule.holidays: no resource " + resource);
            }
            return new String(calendar.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the holiday calendar " + resource, e);
        }
    }
}
