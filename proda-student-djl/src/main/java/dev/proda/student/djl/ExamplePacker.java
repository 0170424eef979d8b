package dev.proda.student.djl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Packs fine-tuning examples (prompt, completion) into training windows with loss on the answer only:
 * {@code <eot> prompt completion <eot>}, where the prompt's tokens are read but never predicted, and the
 * completion's tokens and the closing {@code <eot>} are the targets. A model trained so learns to answer
 * the question, never to produce the question (so a false sentence that a true/false prompt quotes is
 * not learned as text).
 *
 * <p>Examples are never split between windows: each window holds whole examples, one after another, the
 * closing {@code <eot>} of one being the opening {@code <eot>} of the next, then padding. Every epoch
 * shuffles the examples before packing and the windows after, so an example does not always share a
 * window with the same neighbours. An example that does not fit one window ({@code prompt + completion
 * + 1 > context} tokens) is refused with an error: an answer is never silently cut.
 */
final class ExamplePacker implements WindowSource {

    /** A tokenized example (no specials). */
    record Example(int[] prompt, int[] completion) {
        int length() {
            return prompt.length + completion.length;
        }
    }

    private final List<Example> examples;
    private final int eot;
    private final int pad;
    private final int windowLength;

    ExamplePacker(List<Example> examples, int eot, int pad, int context) {
        this.examples = List.copyOf(examples);
        this.eot = eot;
        this.pad = pad;
        this.windowLength = context + 1;
        for (int i = 0; i < this.examples.size(); i++) {
            int length = this.examples.get(i).length();
            if (length + 1 > context) {
                throw new IllegalArgumentException("training example " + i + " is " + length + " tokens; with its "
                        + "end-of-text token it must fit the context of " + context + " tokens (drop or shorten it "
                        + "before fine-tuning: an answer is never cut)");
            }
        }
    }

    @Override
    public List<TrainingWindow> epoch(Random random) {
        List<Example> order = new ArrayList<>(examples);
        Collections.shuffle(order, random);
        List<TrainingWindow> windows = pack(order);
        Collections.shuffle(windows, random);
        return windows;
    }

    /** Windows of the examples in the given order, each example whole. */
    List<TrainingWindow> pack(List<Example> order) {
        List<TrainingWindow> windows = new ArrayList<>();
        int[] tokens = null;
        boolean[] trained = null;
        int used = 0;
        for (Example example : order) {
            // The window's opening <eot> (or the previous example's closing one) is already there.
            int needed = example.length() + 1;
            if (tokens == null || used + needed > windowLength) {
                if (tokens != null) {
                    windows.add(close(tokens, trained, used));
                }
                tokens = new int[windowLength];
                trained = new boolean[windowLength];
                tokens[0] = eot;
                used = 1;
            }
            for (int token : example.prompt()) {
                tokens[used++] = token;
            }
            for (int token : example.completion()) {
                trained[used] = true;
                tokens[used++] = token;
            }
            trained[used] = true;
            tokens[used++] = eot;
        }
        if (tokens != null) {
            windows.add(close(tokens, trained, used));
        }
        return windows;
    }

    private TrainingWindow close(int[] tokens, boolean[] trained, int used) {
        Arrays.fill(tokens, used, tokens.length, pad);
        return new TrainingWindow(tokens, trained);
    }

    /**
     * Optimizer steps for {@code epochs} whole epochs of batches of {@code batchSize} windows, when the
     * trainer draws its epochs from {@code new Random(seed)} as {@link GptTrainer#train} does (the number
     * of windows depends on how the shuffled examples pack).
     */
    long steps(int epochs, int batchSize, long seed) {
        Random random = new Random(seed);
        long steps = 0;
        for (int e = 0; e < epochs; e++) {
            int windows = epoch(random).size();
            steps += (windows + batchSize - 1) / batchSize;
        }
        return steps;
    }
}
