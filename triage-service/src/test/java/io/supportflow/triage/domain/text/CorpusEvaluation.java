package io.supportflow.triage.domain.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.supportflow.events.Priority;
import io.supportflow.triage.domain.text.TextPolicy.TextVerdict;

/** Figures of a model's verdicts against the priorities agents gave, as triage's README reports them. */
record CorpusEvaluation(int tickets, int agreed, int reviewed, int p1, int p1Decided, int p1Clock,
        List<String> p1BelowP2) {

    static CorpusEvaluation of(TextModel model, TextPolicy policy, List<LabelledText> texts) {
        int agreed = 0;
        int reviewed = 0;
        int p1 = 0;
        int p1Decided = 0;
        int p1Clock = 0;
        List<String> p1BelowP2 = new ArrayList<>();
        for (LabelledText text : texts) {
            TextVerdict verdict = policy.judge(model.read(text.text()));
            agreed += verdict.priority() == text.priority() ? 1 : 0;
            reviewed += verdict.needsReview() ? 1 : 0;
            if (text.priority() == Priority.P1) {
                p1++;
                p1Decided += verdict.priority() == Priority.P1 ? 1 : 0;
                p1Clock += verdict.clockPriority() == Priority.P1 ? 1 : 0;
                if (verdict.clockPriority().compareTo(Priority.P2) > 0) {
                    p1BelowP2.add(text.id() + " " + verdict);
                }
            }
        }
        return new CorpusEvaluation(texts.size(), agreed, reviewed, p1, p1Decided, p1Clock, p1BelowP2);
    }

    static CorpusEvaluation sum(List<CorpusEvaluation> parts) {
        List<String> below = new ArrayList<>();
        parts.forEach(part -> below.addAll(part.p1BelowP2()));
        return new CorpusEvaluation(parts.stream().mapToInt(CorpusEvaluation::tickets).sum(),
                parts.stream().mapToInt(CorpusEvaluation::agreed).sum(),
                parts.stream().mapToInt(CorpusEvaluation::reviewed).sum(),
                parts.stream().mapToInt(CorpusEvaluation::p1).sum(),
                parts.stream().mapToInt(CorpusEvaluation::p1Decided).sum(),
                parts.stream().mapToInt(CorpusEvaluation::p1Clock).sum(), below);
    }

    double agreement() {
        return (double) agreed / tickets;
    }

    double reviewRate() {
        return (double) reviewed / tickets;
    }

    /** P1 tickets whose clock runs on P1 (decided P1, or in review with P1 plausible). */
    double p1Recall() {
        return (double) p1Clock / p1;
    }

    double p1DecidedRecall() {
        return (double) p1Decided / p1;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d tickets: agreement %.1f %%, review %.1f %%, P1 recall %.1f %% "
                + "(decided P1 %.1f %%), P1 below P2 %d %s", tickets, 100 * agreement(), 100 * reviewRate(),
                100 * p1Recall(), 100 * p1DecidedRecall(), p1BelowP2.size(), p1BelowP2);
    }
}
