package io.supportflow.sla.domain.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.supportflow.events.Holiday;
import io.supportflow.events.OnCallMember;
import io.supportflow.events.OpeningInterval;

class ScheduleRulesTest {

    private static final Instant HANDOVER = Instant.parse("2026-03-02T07:00:00Z");
    private static final List<OnCallMember> MEMBERS = List.of(new OnCallMember("Ada", "ada@supportflow.example"));

    private static OpeningInterval interval(String from, String to) {
        return new OpeningInterval(from, to);
    }

    private static Map<DayOfWeek, List<OpeningInterval>> monday(OpeningInterval... intervals) {
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.MONDAY, Arrays.asList(intervals));
        return week;
    }

    @Test
    void aValidScheduleHasNoProblems() {
        Map<DayOfWeek, List<OpeningInterval>> week = monday(interval("13:00", "24:00"), interval("08:00", "12:00"));
        week.put(DayOfWeek.SUNDAY, List.of());
        List<Holiday> holidays = List.of(new Holiday(LocalDate.of(2026, 10, 3), "Tag der Deutschen Einheit"),
                new Holiday(LocalDate.of(2026, 12, 25), null));

        assertThat(ScheduleRules.problems("Europe/Berlin", week, holidays)).isEmpty();
        assertThat(ScheduleRules.problems("UTC", monday(interval("00:00", "24:00")), List.of())).isEmpty();
    }

    @Test
    void theZoneMustBeOneJavaTimeKnows() {
        Map<DayOfWeek, List<OpeningInterval>> week = monday(interval("08:00", "18:00"));

        assertThat(ScheduleRules.problems(null, week, List.of())).containsOnlyKeys("zone");
        assertThat(ScheduleRules.problems(" ", week, List.of())).containsExactly(entry("zone", "is required"));
        assertThat(ScheduleRules.problems("Europe/Bielefeld", week, List.of())).containsOnlyKeys("zone");
        assertThat(ScheduleRules.problems("europe/berlin", week, List.of())).containsOnlyKeys("zone");
        assertThat(ScheduleRules.problems("Mars/Olympus_Mons", week, List.of()).get("zone"))
                .isEqualTo("is not a known time zone (an IANA id such as Europe/Berlin)");
    }

    @Test
    void badTimesAndEndsNotAfterTheirStartAreNamedByPath() {
        Map<DayOfWeek, List<OpeningInterval>> week = monday(interval("8:00", "12:00"), interval("13:00", "25:00"),
                interval("18:00", "17:00"), interval(null, null), interval("24:00", "24:00"), interval("10:00", "10:00"));

        assertThat(ScheduleRules.problems("Europe/Berlin", week, List.of())).containsExactly(
                entry("week.MONDAY[0].from", "must be a time HH:mm from 00:00 to 23:59"),
                entry("week.MONDAY[1].to", "must be a time HH:mm from 00:01 to 24:00"),
                entry("week.MONDAY[2].to", "must be after from"),
                entry("week.MONDAY[3].from", "is required"),
                entry("week.MONDAY[3].to", "is required"),
                entry("week.MONDAY[4].from", "must be a time HH:mm from 00:00 to 23:59"),
                entry("week.MONDAY[5].to", "must be after from"));
    }

    @Test
    void overlappingIntervalsAreRefusedWhateverTheirOrderButTouchingOnesAreFine() {
        Map<DayOfWeek, List<OpeningInterval>> week = monday(interval("12:00", "18:00"), interval("08:00", "12:00"),
                interval("17:00", "20:00"), interval("06:00", "24:00"));
        week.put(DayOfWeek.TUESDAY, List.of(interval("14:00", "24:00"), interval("09:00", "14:00")));

        assertThat(ScheduleRules.problems("Europe/Berlin", week, List.of())).containsExactly(
                entry("week.MONDAY[2]", "overlaps week.MONDAY[0]"),
                entry("week.MONDAY[3]", "overlaps week.MONDAY[0]"));
    }

    @Test
    void nullEntriesAreFaultsOfTheirOwn() {
        Map<DayOfWeek, List<OpeningInterval>> week = new HashMap<>();
        week.put(DayOfWeek.MONDAY, Arrays.asList(interval("08:00", "18:00"), null));
        week.put(DayOfWeek.TUESDAY, null);
        List<Holiday> holidays = new ArrayList<>();
        holidays.add(null);
        holidays.add(new Holiday(null, "Sometime"));

        assertThat(ScheduleRules.problems("Europe/Berlin", week, holidays)).containsExactly(
                entry("holidays[0]", "must not be null"),
                entry("holidays[1].date", "is required"),
                entry("week.MONDAY[1]", "must not be null"),
                entry("week.TUESDAY", "must be a list of intervals (empty when closed)"));
        assertThat(ScheduleRules.problems("Europe/Berlin", null, null))
                .containsOnlyKeys("holidays", "week");
    }

    @Test
    void aScheduleThatNeverOpensIsRefused() {
        assertThat(ScheduleRules.problems("Europe/Berlin", Map.of(), List.of()))
                .containsExactly(entry("week", "must open on at least one day"));
    }

    @Test
    void aHolidayDateMayAppearOnceAndItsNameIsOneLine() {
        List<Holiday> holidays = List.of(new Holiday(LocalDate.of(2026, 12, 25), "1. Weihnachtstag"),
                new Holiday(LocalDate.of(2026, 12, 26), "2. Weihnachtstag"),
                new Holiday(LocalDate.of(2026, 12, 25), "Christmas"),
                new Holiday(LocalDate.of(2026, 12, 31), "Silvester\nNeujahr"));

        assertThat(ScheduleRules.problems("Europe/Berlin", monday(interval("08:00", "18:00")), holidays)).containsExactly(
                entry("holidays[2].date", "repeats the date of holidays[0]"),
                entry("holidays[3].name", "must be a single line without control characters"));
    }

    @Test
    void aValidRotationHasNoProblems() {
        List<OnCallMember> members = List.of(new OnCallMember("Ada Lovelace", "ada@supportflow.example"),
                new OnCallMember("Grace", "grace.hopper+oncall@ops.supportflow.example"));

        assertThat(ScheduleRules.rotationProblems(HANDOVER, Duration.ofDays(7), members, List.of("pager", "ops-chat-2")))
                .isEmpty();
        assertThat(ScheduleRules.rotationProblems(HANDOVER, Duration.ofHours(1), MEMBERS, List.of())).isEmpty();
        assertThat(ScheduleRules.rotationProblems(HANDOVER, Duration.ofDays(366), MEMBERS, List.of())).isEmpty();
    }

    @Test
    void shiftsRunFromOneHourTo366Days() {
        for (Duration shift : List.of(Duration.ofMinutes(59), Duration.ZERO, Duration.ofHours(-8), Duration.ofDays(366).plusSeconds(1))) {
            assertThat(ScheduleRules.rotationProblems(HANDOVER, shift, MEMBERS, List.of()))
                    .as("%s", shift)
                    .containsExactly(entry("shift", "must be at least 1 hour (PT1H) and at most 366 days (P366D)"));
        }
        assertThat(ScheduleRules.rotationProblems(null, null, MEMBERS, List.of()))
                .containsExactly(entry("handoverAt", "is required"), entry("shift", "is required"));
    }

    @Test
    void membersNeedANameAndAPlausibleEmail() {
        List<OnCallMember> members = Arrays.asList(new OnCallMember(" ", "ada@supportflow.example"),
                new OnCallMember("Bob", "bob@localhost"), new OnCallMember("Carol", "carol@supportflow.example\r\nBcc: x@y.example"),
                null, new OnCallMember("Dan\u202Eevil", null), new OnCallMember("Eve", "eve@@supportflow.example"), new OnCallMember("Fay", "fay\u0000@supportflow.example"));

        assertThat(ScheduleRules.rotationProblems(HANDOVER, Duration.ofDays(7), members, List.of())).containsExactly(
                entry("members[0].name", "is required"),
                entry("members[1].email", "is not an email address"),
                entry("members[2].email", "is not an email address"),
                entry("members[3]", "must not be null"),
                entry("members[4].email", "is required"),
                entry("members[4].name", "must not contain bidirectional override characters"),
                entry("members[5].email", "is not an email address"),
                entry("members[6].email", "is not an email address"));
        assertThat(ScheduleRules.rotationProblems(HANDOVER, Duration.ofDays(7), List.of(), List.of()))
                .containsExactly(entry("members", "must name at least one member"));
        assertThat(ScheduleRules.rotationProblems(HANDOVER, Duration.ofDays(7), null, List.of())).containsOnlyKeys("members");
    }

    @Test
    void webhookNamesAreShortLowerCaseWordsNamedOnce() {
        List<String> webhooks = Arrays.asList("pager", "Pager", "", "x".repeat(65), "ops chat", null, "pager", "a-1");

        assertThat(ScheduleRules.rotationProblems(HANDOVER, Duration.ofDays(7), MEMBERS, webhooks)).containsExactly(
                entry("webhooks[1]", "must be a webhook name of 1 to 64 characters a-z, 0-9 and -"),
                entry("webhooks[2]", "must be a webhook name of 1 to 64 characters a-z, 0-9 and -"),
                entry("webhooks[3]", "must be a webhook name of 1 to 64 characters a-z, 0-9 and -"),
                entry("webhooks[4]", "must be a webhook name of 1 to 64 characters a-z, 0-9 and -"),
                entry("webhooks[5]", "must be a webhook name of 1 to 64 characters a-z, 0-9 and -"),
                entry("webhooks[6]", "repeats webhooks[0]"));
        assertThat(ScheduleRules.rotationProblems(HANDOVER, Duration.ofDays(7), MEMBERS, List.of("x".repeat(64)))).isEmpty();
        assertThat(ScheduleRules.rotationProblems(HANDOVER, Duration.ofDays(7), MEMBERS, null)).containsOnlyKeys("webhooks");
    }
}
