package io.supportflow.sla.domain.hours;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.supportflow.events.Holiday;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * Holidays read from an iCalendar text (RFC 5545) with ical4j: every all-day VEVENT (DTSTART;VALUE=DATE) closes
 * the dates from DTSTART up to DTEND, exclusive (one day without DTEND, or DTSTART + DURATION), on every
 * occurrence its RRULE/RDATE/EXDATE give. Events with a time of day are not holidays and are passed over.
 * ical4j is configured by {@code ical4j.properties} never to fetch time zone updates from the network.
 */
public final class HolidayCalendar {

    /** What a SUMMARY-less event is called. */
    static final String UNNAMED = "Holiday";
    /** What shared-runtime's TextRules refuse in a line: controls, line separators, bidi overrides, lone surrogates. */
    private static final Pattern NOT_IN_A_NAME = Pattern.compile("(?:[\\p{Cc}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]"
            + "|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF])+");

    private HolidayCalendar() {
    }

    /**
     * The holidays within [from, to), one per date (the first event in the text names a date two events share),
     * sorted by date.
     */
    public static List<Holiday> read(String icalendar, LocalDate from, LocalDate to) throws MalformedCalendarException {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Calendar calendar = parse(icalendar);
        if (!to.isAfter(from)) {
            return List.of();
        }
        Map<LocalDate, String> names = new TreeMap<>();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        for (int i = 0; i < events.size(); i++) {
            collect(events.get(i), i + 1, from, to, names);
        }
        List<Holiday> holidays = new ArrayList<>(names.size());
        names.forEach((date, name) -> holidays.add(new Holiday(date, name)));
        return holidays;
    }

    private static Calendar parse(String icalendar) throws MalformedCalendarException {
        if (icalendar == null || icalendar.isBlank()) {
            throw new MalformedCalendarException("The iCalendar text is empty");
        }
        // Files saved by Windows tools often start with a byte order mark, which the parser would take for text.
        String text = icalendar.startsWith("\uFEFF") ? icalendar.substring(1) : icalendar;
        try {
            return new CalendarBuilder().build(new StringReader(text));
        } catch (ParserException e) {
            // ical4j's own message quotes the offending text; the line number is enough to find it.
            throw new MalformedCalendarException("Not valid iCalendar (RFC 5545) at line " + e.getLineNo());
        } catch (IOException | RuntimeException e) {
            // Some faults (a date that does not exist, an unknown RRULE part) surface from the value parsers as
            // unchecked exceptions; for a caller they are all the same: this text is not a calendar we can read.
            throw new MalformedCalendarException("Not valid iCalendar (RFC 5545)");
        }
    }

    private static void collect(VEvent event, int number, LocalDate from, LocalDate to, Map<LocalDate, String> names)
            throws MalformedCalendarException {
        DateProperty<Temporal> start = event.getDateTimeStart();
        if (start == null) {
            throw new MalformedCalendarException("Event " + number + " has no DTSTART");
        }
        if (!(start.getDate() instanceof LocalDate)) {
            return;
        }
        checkAllDay(event, number);
        String name = name(event);
        for (Period<Temporal> occurrence : occurrences(event, number, from, to)) {
            LocalDate first = (LocalDate) occurrence.getStart();
            LocalDate end = (LocalDate) occurrence.getEnd();
            for (LocalDate date = first.isBefore(from) ? from : first; date.isBefore(end) && date.isBefore(to);
                    date = date.plusDays(1)) {
                names.putIfAbsent(date, name);
            }
        }
    }

    /** An all-day event's end and repetition must be in days too, or its dates are not what it seems to say. */
    private static void checkAllDay(VEvent event, int number) throws MalformedCalendarException {
        DateProperty<Temporal> end = event.getDateTimeEnd();
        if (end != null && !(end.getDate() instanceof LocalDate)) {
            throw new MalformedCalendarException("Event " + number + " starts on a date but its DTEND has a time");
        }
        if (end != null && !((LocalDate) end.getDate()).isAfter((LocalDate) event.getDateTimeStart().getDate())) {
            throw new MalformedCalendarException("Event " + number + " has a DTEND that is not after its DTSTART");
        }
        for (Property property : event.getProperties(Property.RRULE)) {
            Frequency frequency = ((RRule<?>) property).getRecur().getFrequency();
            if (frequency.compareTo(Frequency.DAILY) < 0) {
                throw new MalformedCalendarException("Event " + number + " is all-day but repeats more often than daily");
            }
        }
    }

    private static Set<Period<Temporal>> occurrences(VEvent event, int number, LocalDate from, LocalDate to)
            throws MalformedCalendarException {
        try {
            return event.calculateRecurrenceSet(new Period<>(from, to));
        } catch (RuntimeException e) {
            throw new MalformedCalendarException("Event " + number + " has a recurrence that cannot be expanded");
        }
    }

    /**
     * The SUMMARY as one line of at most {@link ScheduleRules#MAX_NAME_CHARS}: an imported name must pass the
     * same rules as a typed one, and a line break or a bidi override in a calendar file is no reason to refuse it.
     */
    private static String name(VEvent event) {
        String summary = Optional.ofNullable(event.getSummary()).map(Summary::getValue).orElse("");
        String line = NOT_IN_A_NAME.matcher(summary).replaceAll(" ").strip();
        if (line.codePointCount(0, line.length()) > ScheduleRules.MAX_NAME_CHARS) {
            line = line.substring(0, line.offsetByCodePoints(0, ScheduleRules.MAX_NAME_CHARS)).strip();
        }
        return line.isEmpty() ? UNNAMED : line;
    }
}
