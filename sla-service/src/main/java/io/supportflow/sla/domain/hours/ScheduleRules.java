package io.supportflow.sla.domain.hours;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.supportflow.events.Holiday;
import io.supportflow.events.OnCallMember;
import io.supportflow.events.OpeningInterval;
import io.supportflow.runtime.text.EmailAddresses;
import io.supportflow.runtime.text.TextRules;

/**
 * The faults of a schedule or rotation definition, each named by the path of the field it is about
 * ({@code week.MONDAY[1].to}), sorted by path; empty when the definition is valid. Messages never repeat the
 * input. Intervals of a day may come in any order; two that share open time are refused, two that only touch
 * (08:00–12:00, 12:00–18:00) are one open stretch and fine.
 */
public final class ScheduleRules {

    public static final Duration SHORTEST_SHIFT = Duration.ofHours(1);
    public static final Duration LONGEST_SHIFT = Duration.ofDays(366);
    public static final int MAX_NAME_CHARS = 200;
    private static final Pattern WEBHOOK_NAME = Pattern.compile("[a-z0-9-]{1,64}");

    private ScheduleRules() {
    }

    public static SortedMap<String, String> problems(String zone, Map<DayOfWeek, List<OpeningInterval>> week,
                                                     List<Holiday> holidays) {
        SortedMap<String, String> problems = new TreeMap<>();
        zoneProblem(zone).ifPresent(message -> problems.put("zone", message));
        weekProblems(week, problems);
        holidayProblems(holidays, problems);
        return problems;
    }

    public static SortedMap<String, String> rotationProblems(Instant handoverAt, Duration shift,
                                                             List<OnCallMember> members, List<String> webhooks) {
        SortedMap<String, String> problems = new TreeMap<>();
        if (handoverAt == null) {
            problems.put("handoverAt", "is required");
        }
        if (shift == null) {
            problems.put("shift", "is required");
        } else if (shift.compareTo(SHORTEST_SHIFT) < 0 || shift.compareTo(LONGEST_SHIFT) > 0) {
            problems.put("shift", "must be at least 1 hour (PT1H) and at most 366 days (P366D)");
        }
        memberProblems(members, problems);
        webhookProblems(webhooks, problems);
        return problems;
    }

    private static Optional<String> zoneProblem(String zone) {
        if (zone == null || zone.isBlank()) {
            return Optional.of("is required");
        }
        try {
            ZoneId.of(zone);
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of("is not a known time zone (an IANA id such as Europe/Berlin)");
        }
    }

    private static void weekProblems(Map<DayOfWeek, List<OpeningInterval>> week, SortedMap<String, String> problems) {
        if (week == null) {
            problems.put("week", "is required");
            return;
        }
        boolean opens = false;
        for (Map.Entry<DayOfWeek, List<OpeningInterval>> day : week.entrySet()) {
            if (day.getKey() == null) {
                problems.put("week", "names a day that is not a day of the week");
            } else if (day.getValue() == null) {
                problems.put("week." + day.getKey(), "must be a list of intervals (empty when closed)");
            } else {
                opens |= dayProblems("week." + day.getKey(), day.getValue(), problems);
            }
        }
        if (!opens && problems.subMap("week", "week\uffff").isEmpty()) {
            // A schedule that never opens would hold business-hours tickets forever.
            problems.put("week", "must open on at least one day");
        }
    }

    /** Checks one day's intervals; true when at least one of them is a valid interval. */
    private static boolean dayProblems(String path, List<OpeningInterval> intervals, Map<String, String> problems) {
        Map<Integer, DailyInterval> valid = new HashMap<>();
        for (int i = 0; i < intervals.size(); i++) {
            OpeningInterval interval = intervals.get(i);
            String at = path + "[" + i + "]";
            if (interval == null) {
                problems.put(at, "must not be null");
                continue;
            }
            boolean fromOk = validTime(at + ".from", interval.from(), false, problems);
            boolean toOk = validTime(at + ".to", interval.to(), true, problems);
            if (fromOk && toOk) {
                try {
                    valid.put(i, DailyInterval.of(interval));
                } catch (IllegalArgumentException e) {
                    problems.put(at + ".to", "must be after from");
                }
            }
        }
        overlapProblems(path, valid, problems);
        return !valid.isEmpty();
    }

    private static void overlapProblems(String path, Map<Integer, DailyInterval> valid, Map<String, String> problems) {
        List<Integer> indexes = new ArrayList<>(valid.keySet());
        indexes.sort(null);
        for (int later = 0; later < indexes.size(); later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                if (valid.get(indexes.get(later)).overlaps(valid.get(indexes.get(earlier)))) {
                    problems.put(path + "[" + indexes.get(later) + "]", "overlaps " + path + "[" + indexes.get(earlier) + "]");
                    break;
                }
            }
        }
    }

    /** True when {@code text} is a valid start (or, with {@code end}, end) time; else records why not. */
    private static boolean validTime(String path, String text, boolean end, Map<String, String> problems) {
        if (text == null) {
            problems.put(path, "is required");
            return false;
        }
        if (DailyInterval.time(text).isPresent() || end && text.equals("24:00")) {
            return true;
        }
        problems.put(path, end ? "must be a time HH:mm from 00:01 to 24:00" : "must be a time HH:mm from 00:00 to 23:59");
        return false;
    }

    private static void holidayProblems(List<Holiday> holidays, Map<String, String> problems) {
        if (holidays == null) {
            problems.put("holidays", "is required (empty when there are none)");
            return;
        }
        Map<LocalDate, Integer> seen = new HashMap<>();
        for (int i = 0; i < holidays.size(); i++) {
            Holiday holiday = holidays.get(i);
            String at = "holidays[" + i + "]";
            if (holiday == null) {
                problems.put(at, "must not be null");
            } else if (holiday.date() == null) {
                problems.put(at + ".date", "is required");
            } else {
                Integer first = seen.putIfAbsent(holiday.date(), i);
                if (first != null) {
                    problems.put(at + ".date", "repeats the date of holidays[" + first + "]");
                }
            }
            if (holiday != null && holiday.name() != null) {
                TextRules.lineProblem(holiday.name(), MAX_NAME_CHARS).ifPresent(message -> problems.put(at + ".name", message));
            }
        }
    }

    private static void memberProblems(List<OnCallMember> members, Map<String, String> problems) {
        if (members == null || members.isEmpty()) {
            problems.put("members", "must name at least one member");
            return;
        }
        for (int i = 0; i < members.size(); i++) {
            OnCallMember member = members.get(i);
            String at = "members[" + i + "]";
            if (member == null) {
                problems.put(at, "must not be null");
                continue;
            }
            if (member.name() == null || member.name().isBlank()) {
                problems.put(at + ".name", "is required");
            } else {
                TextRules.lineProblem(member.name(), MAX_NAME_CHARS).ifPresent(message -> problems.put(at + ".name", message));
            }
            if (member.email() == null || member.email().isBlank()) {
                problems.put(at + ".email", "is required");
            } else if (!EmailAddresses.isPlausible(member.email())) {
                // The shape intake asks of a customer's address, and one clean line: a page's mail header names it.
                problems.put(at + ".email", "is not an email address");
            }
        }
    }

    private static void webhookProblems(List<String> webhooks, Map<String, String> problems) {
        if (webhooks == null) {
            problems.put("webhooks", "is required (empty when there are none)");
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < webhooks.size(); i++) {
            String name = webhooks.get(i);
            String at = "webhooks[" + i + "]";
            if (name == null || !WEBHOOK_NAME.matcher(name).matches()) {
                problems.put(at, "must be a webhook name of 1 to 64 characters a-z, 0-9 and -");
            } else {
                Integer first = seen.putIfAbsent(name, i);
                if (first != null) {
                    problems.put(at, "repeats webhooks[" + first + "]");
                }
            }
        }
    }
}
