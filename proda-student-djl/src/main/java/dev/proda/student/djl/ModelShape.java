package dev.proda.student.djl;

/**
 * Architecture of a {@link GptModel}: everything needed to rebuild the blocks before loading
 * parameters.
 *
 * @param layers transformer blocks
 * @param width embedding / residual width
 * @param heads attention heads (divide {@code width})
 * @param context maximum sequence length (learned position embeddings)
 * @param vocabSize tokenizer vocabulary size
 */
public record ModelShape(int layers, int width, int heads, int context, int vocabSize) {
    public ModelShape {
        if (layers < 1 || width < 1 || heads < 1 || width % heads != 0 || context < 2 || vocabSize < 4) {
            throw new IllegalArgumentException("bad model shape: " + layers + " layers, width " + width + ", "
                    + heads + " heads, context " + context + ", vocabulary " + vocabSize);
        }
    }

    public int headSize() {
        return width / heads;
    }
}
