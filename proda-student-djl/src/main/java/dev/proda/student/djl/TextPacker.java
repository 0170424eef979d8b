package dev.proda.student.djl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Packs tokenized texts into fixed training windows, GPT style: {@code <eot> t1 <eot> t2 <eot> ...}
 * concatenated and cut into windows of {@code context + 1} tokens that overlap by one token, so every
 * token after the first is a prediction target exactly once. The last window is padded with
 * {@code <pad>}, whose targets carry no loss.
 *
 * <p>Each text follows an {@code <eot>}, exactly as a scored context does, so the model learns what
 * the start of a text looks like. Pre-training: every token is trained on ({@link ExamplePacker} is
 * fine-tuning, where only answers are).
 */
final class TextPacker implements WindowSource {

    private final List<int[]> texts;
    private final int eot;
    private final int pad;
    private final int windowLength;

    /**
     * @param texts tokenized texts (no specials)
     * @param context model context; windows hold {@code context + 1} tokens
     */
    TextPacker(List<int[]> texts, int eot, int pad, int context) {
        this.texts = List.copyOf(texts);
        this.eot = eot;
        this.pad = pad;
        this.windowLength = context + 1;
    }

    /** Windows of one epoch: texts in a seeded random order, packed, then the windows shuffled. */
    @Override
    public List<TrainingWindow> epoch(Random random) {
        List<int[]> order = new ArrayList<>(texts);
        Collections.shuffle(order, random);
        List<int[]> windows = pack(order);
        Collections.shuffle(windows, random);
        // Only a window that ends in padding needs a mask of its own; the others share one.
        boolean[] full = new boolean[windowLength];
        java.util.Arrays.fill(full, 1, windowLength, true);
        List<TrainingWindow> trained = new ArrayList<>(windows.size());
        for (int[] window : windows) {
            boolean[] targets = full;
            if (window[window.length - 1] == pad) {
                targets = new boolean[window.length];
                for (int t = 1; t < window.length; t++) {
                    targets[t] = window[t] != pad;
                }
            }
            trained.add(new TrainingWindow(window, targets));
        }
        return trained;
    }

    /** Windows of the texts in the given order. */
    List<int[]> pack(List<int[]> order) {
        int total = order.stream().mapToInt(t -> t.length + 1).sum();
        int[] stream = new int[total];
        int n = 0;
        for (int[] text : order) {
            stream[n++] = eot;
            System.arraycopy(text, 0, stream, n, text.length);
            n += text.length;
        }
        int stride = windowLength - 1;
        List<int[]> windows = new ArrayList<>(total / stride + 1);
        for (int start = 0; start + 1 < total; start += stride) {
            int[] window = new int[windowLength];
            int length = Math.min(windowLength, total - start);
            System.arraycopy(stream, start, window, 0, length);
            Arrays.fill(window, length, windowLength, pad);
            windows.add(window);
        }
        return windows;
    }

    /** Number of windows per epoch (independent of order). */
    int windowsPerEpoch() {
        int total = texts.stream().mapToInt(t -> t.length + 1).sum();
        int stride = windowLength - 1;
        return total < 2 ? 0 : (total - 2) / stride + 1;
    }

    /** Prediction targets per epoch (every token but the very first). */
    long targetsPerEpoch() {
        return Math.max(0, texts.stream().mapToLong(t -> t.length + 1).sum() - 1);
    }
}
