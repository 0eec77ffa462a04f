package io.supportflow.triage.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The development half, each file scored by a model trained on the other files (leave one file out):
 * the figures the method was developed against, printed beside the held-out ones.
 */
class DevelopmentHalfEvaluationTest {

    static final List<String> DEVELOPMENT = List.of("triage/corpus/dev-en.jsonl", "triage/corpus/dev-de.jsonl", "triage/corpus/dev-en2.jsonl",
            "triage/corpus/dev-de2.jsonl",
            "triage/corpus/dev-mixed.jsonl", "triage/corpus/dev-edge.jsonl", "triage/corpus/dev-round1-en.jsonl",
            "triage/corpus/dev-round1-de.jsonl");
    static final TextPolicy POLICY = new TextPolicy(0.3, 0.2, 0.1);

    @Test
    void eachDevelopmentFileIsReadWellByAModelThatNeverSawIt() {
        List<CorpusEvaluation> parts = new ArrayList<>();
        for (String heldBack : DEVELOPMENT) {
            List<String> others = DEVELOPMENT.stream().filter(file -> !file.equals(heldBack)).toList();
            TextModel model = ModelTraining.DEFAULT.train(Corpus.readAll(others));
            CorpusEvaluation part = CorpusEvaluation.of(model, POLICY, Corpus.read(heldBack));
            System.out.println(heldBack + ": " + part);
            parts.add(part);
        }
        CorpusEvaluation all = CorpusEvaluation.sum(parts);
        System.out.println("Development half, leave one file out: " + all);

        assertThat(all.p1BelowP2()).isEmpty();
        assertThat(all.agreement()).isGreaterThanOrEqualTo(0.90);
        assertThat(all.reviewRate()).isLessThanOrEqualTo(0.10);
        assertThat(all.p1Recall()).isGreaterThanOrEqualTo(0.98);
    }
}
