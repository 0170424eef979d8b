package dev.proda.student.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.proda.student.Continuation;
import dev.proda.student.LogLikelihood;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scoring projects only the continuation's positions and feeds a shared prompt once; it must give what the full
 * logits of each request alone give.
 */
class ScoringTest {
    @Test
    void sharedPromptAndContinuationOnlyScoringEqualTheFullLogSoftmaxOfEachRequestAlone() {
        List<String> texts = Corpus.texts();
        WordTokenizer tokenizer = WordTokenizer.train(texts, 600, 1);
        ModelShape shape = new ModelShape(2, 32, 4, 16, tokenizer.size());
        List<Continuation> requests = List.of(new Continuation("the cat", " sat on the mat"),
                new Continuation("", "a whole line with no context at all"),
                new Continuation(texts.get(0), " and then"), // longer than the context: cut on the left
                new Continuation("one two", " three"),
                // four options of one prompt share a row; one is a single token, one is empty
                new Continuation("which animal sat", " the cat"), new Continuation("which animal sat", " a dog"),
                new Continuation("which animal sat", " mat"), new Continuation("which animal sat", " the big red fox"),
                new Continuation("the cat", " ran"), new Continuation("one two", " "),
                // many lines with one empty context, as bits per token asks: several rows, not one long one
                new Continuation("", "the mat sat on the cat"), new Continuation("", "one two three four five"),
                new Continuation("", "a dog ran"), new Continuation("", "the big red fox and the cat sat on it"),
                new Continuation("", "which animal"), new Continuation("", "then the cat ran and the dog sat down"));
        try (DjlStudentModel model = DjlStudentModel.create(shape, tokenizer, 5, 1)) {
            model.logLikelihoods(requests);
            int modelArrays = model.manager().getManagedArrays().size();
            int systemArrays = model.manager().getParentManager().getManagedArrays().size();
            List<LogLikelihood> fast = model.logLikelihoods(requests);
            assertEquals(modelArrays, model.manager().getManagedArrays().size(), "scoring leaves no native array behind");
            assertEquals(systemArrays, model.manager().getParentManager().getManagedArrays().size());
            for (int i = 0; i < requests.size(); i++) {
                if (requests.get(i).continuation().isBlank()) {
                    assertEquals(0.0, fast.get(i).sum(), "nothing to predict");
                    continue;
                }
                double[] reference = reference(model, tokenizer, shape, requests.get(i));
                assertEquals(reference[0], fast.get(i).sum(), 1e-4, "request " + i);
                assertEquals((int) reference[1], fast.get(i).tokens(), "request " + i);
            }
        }
    }

    /** The summed log-probability of the continuation from the full (time, vocabulary) log-softmax, one row alone. */
    private static double[] reference(DjlStudentModel model, WordTokenizer tokenizer, ModelShape shape, Continuation c) {
        List<Integer> tokens = new ArrayList<>();
        tokens.add(tokenizer.eot());
        for (int t : tokenizer.encode(c.context())) {
            tokens.add(t);
        }
        int[] continuation = tokenizer.encode(c.continuation());
        for (int t : continuation) {
            tokens.add(t);
        }
        List<Integer> kept = tokens.subList(Math.max(0, tokens.size() - shape.context() - 1), tokens.size());
        int scored = Math.min(continuation.length, kept.size() - 1);
        long[] input = new long[kept.size() - 1];
        for (int t = 0; t < input.length; t++) {
            input[t] = kept.get(t);
        }
        NDArray logits = model.gpt().forward(new ParameterStore(model.manager(), false),
                new NDList(model.manager().create(input, new Shape(1, input.length))), false).head();
        float[] logProbs = logits.logSoftmax(-1).toFloatArray();
        double sum = 0;
        int vocabulary = shape.vocabSize();
        for (int t = input.length - scored; t < input.length; t++) {
            sum += logProbs[t * vocabulary + kept.get(t + 1)];
        }
        logits.close();
        return new double[] {sum, scored};
    }
}
