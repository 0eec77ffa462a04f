package io.supportflow.sla.domain.hours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.supportflow.events.Holiday;
import io.supportflow.events.ScheduleChanged;

/**
 * Business hours: weekly opening intervals in a time zone, closed on holidays. Every interval is placed on its
 * local date and turned into instants by java.time's rules (a time in a spring-forward gap moves forward by the
 * gap, a time in a fall-back overlap takes the earlier offset), so open time is real elapsed time: a Sunday
 * 00:00–06:00 in New York holds 5 hours on the day clocks spring forward and 7 on the day they fall back.
 * Holidays are local dates: they close the intervals that belong to that date. Immutable and thread-safe.
 */
public final class BusinessSchedule {

    /** Consecutive closed days after which a schedule counts as never opening again. */
    public static final int HORIZON_DAYS = 3 * 366;

    private final String id;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<DailyInterval>> week;
    private final Set<LocalDate> holidays;
    /** The week's intervals by {@link DayOfWeek#ordinal()}, sorted: the walk's hot path reads arrays, not maps. */
    private final DailyInterval[][] byDay = new DailyInterval[7][];
    private final boolean opensAtAll;

    /**
     * @param week     intervals per day, in any order, none overlapping another of the same day (touching is
     *                 fine: 08:00–12:00 and 12:00–18:00 are one open stretch); a day not listed is closed
     * @param holidays local dates on which the schedule stays closed whatever the week says
     */
    public BusinessSchedule(String id, ZoneId zone, Map<DayOfWeek, List<DailyInterval>> week, Set<LocalDate> holidays) {
        this.id = Objects.requireNonNull(id, "id");
        this.zone = Objects.requireNonNull(zone, "zone");
        Map<DayOfWeek, List<DailyInterval>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<DailyInterval> sorted = sortedWithoutOverlap(day, week.getOrDefault(day, List.of()));
            byDay[day.ordinal()] = sorted.toArray(DailyInterval[]::new);
            if (!sorted.isEmpty()) {
                days.put(day, sorted);
            }
        }
        this.week = Collections.unmodifiableMap(days);
        this.holidays = Collections.unmodifiableSortedSet(new TreeSet<>(holidays));
        this.opensAtAll = !days.isEmpty();
    }

    /** The schedule a {@link ScheduleChanged} describes (validated by {@link ScheduleRules} before it was written). */
    public static BusinessSchedule from(ScheduleChanged event) {
        Map<DayOfWeek, List<DailyInterval>> week = new EnumMap<>(DayOfWeek.class);
        event.week().forEach((day, intervals) -> week.put(day, intervals.stream().map(DailyInterval::of).toList()));
        Set<LocalDate> holidays = new TreeSet<>();
        event.holidays().stream().map(Holiday::date).forEach(holidays::add);
        return new BusinessSchedule(event.scheduleId(), ZoneId.of(event.zone()), week, holidays);
    }

    private static List<DailyInterval> sortedWithoutOverlap(DayOfWeek day, List<DailyInterval> intervals) {
        List<DailyInterval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(DailyInterval::from));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new IllegalArgumentException("Opening intervals on " + day + " overlap");
            }
        }
        return List.copyOf(sorted);
    }

    public String id() {
        return id;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The open days' intervals, sorted by start; closed days are absent. */
    public Map<DayOfWeek, List<DailyInterval>> week() {
        return week;
    }

    /** Sorted. */
    public Set<LocalDate> holidays() {
        return holidays;
    }

    public boolean isOpen(Instant t) {
        LocalDate date = LocalDate.ofInstant(t, zone);
        for (LocalDate day = date.minusDays(1); !day.isAfter(date); day = day.plusDays(1)) {
            for (Span span : spans(day)) {
                if (span.contains(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code t} itself when open, else the next instant the schedule opens; empty when it stays closed for {@link #HORIZON_DAYS}. */
    public Optional<Instant> nextOpening(Instant t) {
        Walk walk = new Walk(t);
        for (Span span = walk.next(); span != null; span = walk.next()) {
            if (span.end.isAfter(t)) {
                return Optional.of(span.start.isAfter(t) ? span.start : t);
            }
        }
        return Optional.empty();
    }

    /**
     * The earliest instant at which {@code amount} of open time has passed since {@code start}: Friday 17:00 plus
     * two hours of a Mon–Fri 08:00–18:00 schedule is Monday 09:00, plus one hour is Friday 18:00. Zero is
     * {@code start}.
     *
     * @throws IllegalStateException when the schedule stays closed for {@link #HORIZON_DAYS} before the amount is reached
     */
    public Instant plusBusinessTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        if (amount.isZero()) {
            return start;
        }
        Duration remaining = amount;
        Instant cursor = start;
        Walk walk = new Walk(start);
        for (Span span = walk.next(); span != null; span = walk.next()) {
            Instant from = span.start.isAfter(cursor) ? span.start : cursor;
            if (!span.end.isAfter(from)) {
                continue;
            }
            Duration open = Duration.between(from, span.end);
            if (remaining.compareTo(open) <= 0) {
                return from.plus(remaining);
            }
            remaining = remaining.minus(open);
            cursor = span.end;
        }
        throw new IllegalStateException("Schedule " + id + " never opens: it stays closed for " + HORIZON_DAYS + " days");
    }

    /** The open time in [from, to); zero when {@code to} is not after {@code from}. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from) || !opensAtAll) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            for (Span span : spans(day)) {
                Instant start = span.start.isAfter(from) ? span.start : from;
                Instant end = span.end.isBefore(to) ? span.end : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** The open stretches of one local date as instants, in order; none on a holiday. */
    private List<Span> spans(LocalDate date) {
        DailyInterval[] intervals = byDay[date.getDayOfWeek().ordinal()];
        if (intervals.length == 0 || holidays.contains(date)) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>(intervals.length);
        for (DailyInterval interval : intervals) {
            Instant start = ZonedDateTime.of(date, interval.from(), zone).toInstant();
            Instant end = interval.to() == null
                    ? date.plusDays(1).atStartOfDay(zone).toInstant()
                    : ZonedDateTime.of(date, interval.to(), zone).toInstant();
            if (end.isAfter(start)) {
                spans.add(new Span(start, end));
            }
        }
        return spans;
    }

    private record Span(Instant start, Instant end) {
        boolean contains(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    /**
     * The open stretches from the local day before {@code t} on (an interval of the day before can reach past
     * midnight only through a DST gap, but starting there costs little), day by day, never minute by minute.
     */
    private final class Walk {
        private LocalDate date;
        private int closedDays;
        private List<Span> today = List.of();
        private int index;

        Walk(Instant t) {
            this.date = LocalDate.ofInstant(t, zone).minusDays(1);
        }

        /** The next stretch, or null once the schedule has stayed closed for the horizon. */
        Span next() {
            while (index >= today.size()) {
                if (!opensAtAll || closedDays > HORIZON_DAYS) {
                    return null;
                }
                today = spans(date);
                date = date.plusDays(1);
                index = 0;
                closedDays = today.isEmpty() ? closedDays + 1 : 0;
            }
            return today.get(index++);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BusinessSchedule that && id.equals(that.id) && zone.equals(that.zone)
                && week.equals(that.week) && holidays.equals(that.holidays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, zone, week, holidays);
    }

    @Override
    public String toString() {
        return "BusinessSchedule[" + id + ", " + zone + ", " + week + ", " + holidays.size() + " holidays]";
    }
}
