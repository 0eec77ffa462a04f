package io.supportflow.triage.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The development half, each file scored by a model trained on the other files (leave one file out):
 * the figures the method was developed against, printed beside the held-out ones.
 */
class DevelopmentHalfEvaluationTest {

    static final List<String> DEVELOPMENT = Stream.of("dev-en", "dev-de", "dev-en2", "dev-de2", "dev-mixed", "dev-edge", "dev-round1-en", "dev-round1-de", "dev-round2-en", "dev-round2-de", "dev-en3", "dev-de3", "dev-chat3", "dev-web3")
            .map(name -> "triage/corpus/" + name + ".jsonl").toList();
    static final TextPolicy POLICY = new TextPolicy(0.3, 0.25, 0.12);

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
