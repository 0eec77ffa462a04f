package io.supportflow.triage.domain.text;

import io.supportflow.events.Priority;

/**
 * When a reading of the text is sure enough to decide, and what the clock runs on when it is not. A text
 * without a single word the model knows says nothing, whatever the priorities' prior odds: an agent reads it.
 *
 * @param confident the most probable priority decides when its probability reaches this
 * @param plausible a priority at least this probable is plausible: a ticket with a plausible priority two
 *                  or more levels more urgent than the most probable one goes to review, and a review
 *                  ticket's clock runs on the most urgent plausible priority
 * @param outage    a P1 at least this probable sends a ticket that would be decided otherwise to review,
 *                  on a P1 clock: a missed outage costs more than an agent's look at a false alarm
 */
public record TextPolicy(double confident, double plausible, double outage) {

    public TextPolicy {
        if (!(plausible > 0 && plausible < confident && confident <= 1)) {
            throw new IllegalArgumentException("Need 0 < plausible < confident <= 1, got " + plausible + " and " + confident);
        }
        if (!(outage > 0 && outage <= plausible)) {
            throw new IllegalArgumentException("Need 0 < outage <= plausible, got " + outage);
        }
    }

    public TextVerdict judge(TextReading reading) {
        Priority likely = reading.mostProbable();
        if (reading.knownFeatures() == 0) {
            return TextVerdict.unsure(likely, reading.mostUrgentPlausible(plausible));
        }
        if (likely != Priority.P1 && reading.probability(Priority.P1) >= outage) {
            return TextVerdict.unsure(likely, Priority.P1);
        }
        Priority strictest = reading.mostUrgentPlausible(plausible);
        boolean urgentOverlooked = likely.ordinal() - strictest.ordinal() >= 2;
        boolean sure = reading.probability(likely) >= confident && !urgentOverlooked;
        return sure ? TextVerdict.sure(likely) : TextVerdict.unsure(likely, strictest);
    }

    /** The priority the text suggests, the one its clock runs on, and whether an agent must confirm it. */
    public record TextVerdict(Priority priority, Priority clockPriority, Certainty certainty) {

        public enum Certainty { SURE, UNSURE }

        static TextVerdict sure(Priority priority) {
            return new TextVerdict(priority, priority, Certainty.SURE);
        }

        static TextVerdict unsure(Priority likely, Priority clockPriority) {
            return new TextVerdict(likely, clockPriority, Certainty.UNSURE);
        }

        public boolean needsReview() {
            return certainty == Certainty.UNSURE;
        }
    }
}
