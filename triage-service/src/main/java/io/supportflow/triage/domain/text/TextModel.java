package io.supportflow.triage.domain.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.supportflow.events.Priority;

/**
 * A multinomial logistic regression over the features of {@link TextFeatures}: each feature carries one
 * weight per priority, a text's score for a priority is the sum of its features' weights (scaled by the
 * text's length, so a long web form does not outshout a chat line), and the scores become probabilities.
 * Every reading can name the features that weighed most for its priority.
 */
public final class TextModel {

    static final int PRIORITIES = Priority.values().length;

    private final TextFeatures features;
    private final Map<String, float[]> weights;
    private final float[] bias;

    TextModel(TextFeatures features, Map<String, float[]> weights, float[] bias) {
        this.features = features;
        this.weights = Map.copyOf(weights);
        this.bias = bias.clone();
    }

    public TextReading read(String text) {
        List<Weighed> known = new ArrayList<>();
        for (String feature : features.of(text)) {
            float[] weight = weights.get(feature);
            if (weight != null) {
                known.add(new Weighed(feature, weight));
            }
        }
        double[] probabilities = probabilities(bias, known.stream().map(Weighed::weight).toList());
        return new TextReading(probabilities, known.size(),
                strongest(known, TextReading.mostProbable(probabilities)));
    }

    public int featureCount() {
        return weights.size();
    }

    /** A text's probability per priority from the weights of its known features, in training as in reading. */
    static double[] probabilities(float[] bias, List<float[]> featureWeights) {
        double scale = scale(featureWeights.size());
        double[] scores = new double[PRIORITIES];
        for (int k = 0; k < PRIORITIES; k++) {
            scores[k] = bias[k];
        }
        for (float[] weight : featureWeights) {
            for (int k = 0; k < PRIORITIES; k++) {
                scores[k] += weight[k] * scale;
            }
        }
        return softmax(scores);
    }

    static double scale(int featureCount) {
        return featureCount == 0 ? 0 : 1 / Math.sqrt(featureCount);
    }

    private static double[] softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        double sum = 0;
        double[] probabilities = new double[scores.length];
        for (int k = 0; k < scores.length; k++) {
            probabilities[k] = Math.exp(scores[k] - max);
            sum += probabilities[k];
        }
        for (int k = 0; k < scores.length; k++) {
            probabilities[k] /= sum;
        }
        return probabilities;
    }

    /** The features that favour {@code priority} most over the other priorities, at most three. */
    private static List<String> strongest(List<Weighed> known, Priority priority) {
        int k = priority.ordinal();
        return known.stream()
                .filter(feature -> feature.margin(k) > 0)
                .sorted(Comparator.comparingDouble((Weighed feature) -> feature.margin(k)).reversed())
                .limit(3)
                .map(feature -> readable(feature.name()))
                .toList();
    }

    /** "n:ausfall" → "negated ausfall", "k:no-workaround" → "cue no-workaround": an agent reads the reason. */
    static String readable(String feature) {
        String value = feature.substring(2);
        return switch (feature.charAt(0)) {
            case 'n' -> "negated " + value;
            case 'k' -> "cue " + value;
            default -> value;
        };
    }


    private record Weighed(String name, float[] weight) {
        double margin(int k) {
            double others = 0;
            for (int j = 0; j < weight.length; j++) {
                others = j == k ? others : Math.max(others, weight[j]);
            }
            return weight[k] - others;
        }
    }
}
