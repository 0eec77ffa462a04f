package io.supportflow.sla.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Customer satisfaction over a period, as the survey-service defines it: CSAT is the share of answers
 * rating 4 or 5. The trend gives it per UTC day; comments are the latest non-blank ones.
 */
public record SatisfactionSummary(Instant from, Instant to, int responses, Double csatPercent, Double averageRating,
                                  List<Day> trend, List<Comment> recentComments) {

    public record Answer(String ticketId, int rating, String comment, Instant respondedAt) {
    }

    public record Day(LocalDate date, int responses, Double csatPercent, Double averageRating) {
    }

    /** A customer's comment; {@code reference} is null until {@link #withReferences} finds the ticket's. */
    public record Comment(String ticketId, String reference, int rating, String comment, Instant respondedAt) {
    }

    public static SatisfactionSummary of(Instant from, Instant to, List<Answer> answers, int commentLimit) {
        Map<LocalDate, List<Answer>> byDay = answers.stream().collect(Collectors.groupingBy(
                a -> LocalDate.ofInstant(a.respondedAt(), ZoneOffset.UTC), TreeMap::new, Collectors.toList()));
        List<Day> trend = byDay.entrySet().stream()
                .map(day -> new Day(day.getKey(), day.getValue().size(), csat(day.getValue()), average(day.getValue())))
                .toList();
        List<Comment> comments = answers.stream()
                .filter(a -> a.comment() != null && !a.comment().isBlank())
                .sorted(Comparator.comparing(Answer::respondedAt).reversed())
                .limit(commentLimit)
                .map(a -> new Comment(a.ticketId(), null, a.rating(), a.comment(), a.respondedAt()))
                .toList();
        return new SatisfactionSummary(from, to, answers.size(), csat(answers), average(answers), trend, comments);
    }

    private static Double csat(List<Answer> answers) {
        if (answers.isEmpty()) {
            return null;
        }
        long satisfied = answers.stream().filter(a -> a.rating() >= 4).count();
        return Math.round(1000.0 * satisfied / answers.size()) / 10.0;
    }

    private static Double average(List<Answer> answers) {
        if (answers.isEmpty()) {
            return null;
        }
        double mean = answers.stream().mapToInt(Answer::rating).average().orElseThrow();
        return Math.round(mean * 100.0) / 100.0;
    }

    /** The same summary with each comment's ticket reference, where {@code references} knows it. */
    public SatisfactionSummary withReferences(Map<String, String> references) {
        List<Comment> named = recentComments.stream()
                .map(c -> new Comment(c.ticketId(), references.get(c.ticketId()), c.rating(), c.comment(), c.respondedAt()))
                .toList();
        return new SatisfactionSummary(from, to, responses, csatPercent, averageRating, trend, named);
    }
}
