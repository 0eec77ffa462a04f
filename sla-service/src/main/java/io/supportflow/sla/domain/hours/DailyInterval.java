package io.supportflow.sla.domain.hours;

import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.supportflow.events.OpeningInterval;

/**
 * Opening hours within one day in local time; "24:00" as end means end of the day.
 *
 * @param from the first open minute of the day
 * @param to   the first closed minute, after {@code from}; null = end of the day ("24:00"), which
 *             {@link LocalTime} cannot express
 */
public record DailyInterval(LocalTime from, LocalTime to) {

    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)");
    private static final String END_OF_DAY = "24:00";

    public DailyInterval {
        Objects.requireNonNull(from, "from");
        if (!wholeMinute(from) || to != null && !wholeMinute(to)) {
            throw new IllegalArgumentException("Opening times are whole minutes, as their text HH:mm says");
        }
        if (to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("The end of an opening interval must be after its start");
        }
    }

    /**
     * Reads "HH:mm" times; {@code to} may be "24:00". Messages never repeat the text, which may come from
     * anyone who can call the API.
     */
    public static DailyInterval parse(String from, String to) {
        LocalTime start = time(from).orElseThrow(
                () -> new IllegalArgumentException("from must be a time HH:mm between 00:00 and 23:59"));
        LocalTime end = END_OF_DAY.equals(to) ? null : time(to).orElseThrow(
                () -> new IllegalArgumentException("to must be a time HH:mm between 00:01 and 24:00"));
        if (end != null && !end.isAfter(start)) {
            throw new IllegalArgumentException("to must be after from");
        }
        return new DailyInterval(start, end);
    }

    public static DailyInterval of(OpeningInterval interval) {
        return parse(interval.from(), interval.to());
    }

    public OpeningInterval toOpeningInterval() {
        return new OpeningInterval(fromText(), toText());
    }

    public String fromText() {
        return text(from);
    }

    public String toText() {
        return to == null ? END_OF_DAY : text(to);
    }

    /** True when this and {@code other} share open time; intervals that only touch (12:00 and 12:00) do not. */
    public boolean overlaps(DailyInterval other) {
        return startsBeforeEndOf(other) && other.startsBeforeEndOf(this);
    }

    private boolean startsBeforeEndOf(DailyInterval other) {
        return other.to == null || from.isBefore(other.to);
    }

    @Override
    public String toString() {
        return fromText() + "-" + toText();
    }

    static Optional<LocalTime> time(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = TIME.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
    }

    private static boolean wholeMinute(LocalTime time) {
        return time.getSecond() == 0 && time.getNano() == 0;
    }

    private static String text(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
