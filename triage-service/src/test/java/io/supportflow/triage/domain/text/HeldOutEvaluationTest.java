package io.supportflow.triage.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The held-out half: tickets written apart from the development half, by other writers, and never used to
 * choose features, settings or thresholds. The model is the one the service runs, trained on the whole
 * development half; the floors are the figures measured when the method was frozen, so that a change
 * which reads the held-out tickets worse fails here.
 */
class HeldOutEvaluationTest {

    static final List<String> HELD_OUT = List.of("triage/held-out/final-en.jsonl", "triage/held-out/final-de.jsonl");

    @Test
    void heldOutTicketsAreReadAsAgentsRead() {
        TextModel model = ModelTraining.DEFAULT.train(Corpus.readAll(DevelopmentHalfEvaluationTest.DEVELOPMENT));
        for (String file : HELD_OUT) {
            System.out.println(file + ": " + CorpusEvaluation.of(model, DevelopmentHalfEvaluationTest.POLICY, Corpus.read(file)));
        }
        CorpusEvaluation all = CorpusEvaluation.of(model, DevelopmentHalfEvaluationTest.POLICY, Corpus.readAll(HELD_OUT));
        System.out.println("Held-out half: " + all);

        assertThat(all.tickets()).isGreaterThanOrEqualTo(300);
        assertThat(all.p1BelowP2()).isEmpty();
        assertThat(all.agreement()).isGreaterThanOrEqualTo(0.875);
        assertThat(all.reviewRate()).isLessThanOrEqualTo(0.10);
        assertThat(all.p1Recall()).isGreaterThanOrEqualTo(0.97);
    }
}
