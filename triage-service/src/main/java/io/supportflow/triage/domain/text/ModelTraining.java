package io.supportflow.triage.domain.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Learns a {@link TextModel} from labelled texts by stochastic gradient descent on the log loss, with an
 * L2 penalty. Deterministic: the same texts and settings give the same weights, so every instance of the
 * service decides alike.
 *
 * @param epochs       passes over the texts
 * @param learningRate step size
 * @param l2           weight decay, keeping rare features from deciding alone
 * @param minTexts     a feature must occur in at least this many texts to get weights
 * @param seed         order of the passes
 */
public record ModelTraining(int epochs, double learningRate, double l2, int minTexts, long seed) {

    public static final ModelTraining DEFAULT = new ModelTraining(40, 0.5, 1e-5, 2, 7);

    public TextModel train(List<LabelledText> texts) {
        TextFeatures features = new TextFeatures();
        List<Example> examples = examples(texts, features);
        Map<String, float[]> weights = new HashMap<>();
        examples.forEach(example -> example.features().forEach(f -> weights.putIfAbsent(f, new float[TextModel.PRIORITIES])));
        float[] bias = new float[TextModel.PRIORITIES];
        Random order = new Random(seed);
        List<Example> shuffled = new ArrayList<>(examples);
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(shuffled, order);
            double rate = learningRate / (1 + epoch * 0.1);
            shuffled.forEach(example -> step(example, weights, bias, rate));
        }
        return new TextModel(features, weights, bias);
    }

    private List<Example> examples(List<LabelledText> texts, TextFeatures features) {
        List<Set<String>> read = texts.stream().map(text -> features.of(text.text())).toList();
        Map<String, Integer> textsWith = new HashMap<>();
        read.forEach(set -> set.forEach(feature -> textsWith.merge(feature, 1, Integer::sum)));
        List<Example> examples = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            List<String> kept = read.get(i).stream().filter(f -> textsWith.get(f) >= minTexts).toList();
            examples.add(new Example(kept, texts.get(i).priority().ordinal()));
        }
        return examples;
    }

    private void step(Example example, Map<String, float[]> weights, float[] bias, double rate) {
        List<float[]> featureWeights = example.features().stream().map(weights::get).toList();
        double[] probabilities = TextModel.probabilities(bias, featureWeights);
        double scale = TextModel.scale(featureWeights.size());
        for (int k = 0; k < probabilities.length; k++) {
            double gradient = probabilities[k] - (k == example.label() ? 1 : 0);
            bias[k] -= (float) (rate * gradient);
            for (float[] weight : featureWeights) {
                weight[k] -= (float) (rate * (gradient * scale + l2 * weight[k]));
            }
        }
    }

    private record Example(List<String> features, int label) {
    }
}
