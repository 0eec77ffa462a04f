package io.supportflow.triage.domain.text;

import java.util.List;

import io.supportflow.events.Priority;

/**
 * What the model reads in a text: a probability per priority (P1 first), how many of the text's features
 * the model knows, and the features that weighed most for the most probable priority.
 */
public record TextReading(double[] probabilities, int knownFeatures, List<String> strongestFeatures) {

    public TextReading {
        probabilities = probabilities.clone();
        strongestFeatures = List.copyOf(strongestFeatures);
    }

    public double probability(Priority priority) {
        return probabilities[priority.ordinal()];
    }

    public Priority mostProbable() {
        return mostProbable(probabilities);
    }

    /** The first of the most probable priorities, the most urgent among equals. */
    static Priority mostProbable(double[] probabilities) {
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return Priority.values()[best];
    }

    /** The most urgent priority whose probability reaches {@code plausible}; at least the most probable. */
    public Priority mostUrgentPlausible(double plausible) {
        for (Priority priority : Priority.values()) {
            if (probability(priority) >= plausible) {
                return priority.isMoreUrgentThan(mostProbable()) ? priority : mostProbable();
            }
        }
        return mostProbable();
    }
}
