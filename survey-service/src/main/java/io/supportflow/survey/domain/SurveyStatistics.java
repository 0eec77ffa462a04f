package io.supportflow.survey.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Computes {@link SurveyStats} from the surveys of a period. */
public final class SurveyStatistics {

    static final String UNKNOWN = "UNKNOWN";

    private SurveyStatistics() {
    }

    public static SurveyStats of(Instant from, Instant to, List<SurveyFacts> surveys, int latestComments) {
        return new SurveyStats(from, to, figures(surveys),
                grouped(surveys, s -> s.plan() == null ? UNKNOWN : s.plan().name()),
                grouped(surveys, s -> s.priority() == null ? UNKNOWN : s.priority().name()),
                grouped(surveys, s -> s.channel() == null ? UNKNOWN : s.channel().name()),
                latestComments(surveys, latestComments));
    }

    static SurveyStats.Figures figures(List<SurveyFacts> surveys) {
        List<Integer> ratings = surveys.stream().filter(SurveyFacts::answered).map(SurveyFacts::rating).toList();
        long requested = surveys.size();
        long responded = ratings.size();
        long satisfied = ratings.stream().filter(r -> r >= 4).count();
        Double average = ratings.isEmpty() ? null
                : round(ratings.stream().mapToInt(Integer::intValue).average().orElseThrow());
        return new SurveyStats.Figures(requested, responded, share(responded, requested), share(satisfied, responded),
                average);
    }

    private static Map<String, SurveyStats.Figures> grouped(List<SurveyFacts> surveys,
                                                           Function<SurveyFacts, String> key) {
        return surveys.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.collectingAndThen(
                Collectors.toList(), SurveyStatistics::figures)));
    }

    private static List<SurveyStats.Comment> latestComments(List<SurveyFacts> surveys, int limit) {
        return surveys.stream()
                .filter(s -> s.answered() && s.comment() != null && !s.comment().isBlank())
                .sorted(Comparator.comparing(SurveyFacts::respondedAt).reversed())
                .limit(limit)
                .map(s -> new SurveyStats.Comment(s.surveyId(), s.reference(), s.rating(), s.comment(), s.respondedAt()))
                .toList();
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
