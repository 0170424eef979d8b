package dev.proda.student.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decoder-only transformer: token + learned position embeddings, {@link GptBlock}s, a final
 * LayerNorm and an output projection tied to the token embedding (saves {@code vocab x width}
 * parameters, which dominate at this size).
 *
 * <p>Input: token ids (batch, time) as INT64 with {@code time <= context}. Output: logits (batch,
 * time, vocab) where position t predicts token t + 1.
 */
final class GptModel extends AbstractBlock {

    private static final byte VERSION = 1;
    /** Additive mask value for future positions: large enough to zero them after softmax, finite to avoid NaN. */
    static final float MASKED = -1e9f;

    private final ModelShape shape;
    private final Parameter tokenEmbedding;
    private final Parameter positionEmbedding;
    private final List<GptBlock> blocks = new ArrayList<>();
    private final Parameter finalNormGamma;
    private final Parameter finalNormBeta;

    GptModel(ModelShape shape) {
        super(VERSION);
        this.shape = shape;
        tokenEmbedding = addParameter(weight("tokenEmbedding", new Shape(shape.vocabSize(), shape.width()),
                new NormalInitializer(0.02f)));
        positionEmbedding = addParameter(weight("positionEmbedding", new Shape(shape.context(), shape.width()),
                new NormalInitializer(0.01f)));
        finalNormGamma = addParameter(gamma("finalNormGamma", shape.width()));
        finalNormBeta = addParameter(beta("finalNormBeta", shape.width()));
        for (int i = 0; i < shape.layers(); i++) {
            blocks.add(addChildBlock("block" + i, new GptBlock(shape.width(), shape.heads(), shape.layers())));
        }
    }

    ModelShape shape() {
        return shape;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = hidden(store, inputs.head(), training);
        return new NDList(x.matMul(store.getValue(tokenEmbedding, x.getDevice(), training).transpose()));
    }

    /**
     * Log-probabilities of {@code labels} at chosen positions only: the final hidden states of the positions
     * {@code rows × time} flattened and picked by {@code positions}, then the output projection and the
     * log-softmax on those rows alone. Scoring reads a few continuation tokens per row, so this skips the
     * vocabulary-wide projection (the largest product at this size) everywhere else.
     *
     * @param positions flat indices {@code row * time + t} of the positions to score, (n,)
     * @param labels the token each of those positions should predict, (n,)
     */
    NDArray logProbabilities(ParameterStore store, NDArray tokens, NDArray positions, NDArray labels) {
        return logProbabilities(store, tokens, null, null, positions, labels);
    }

    /**
     * As {@link #logProbabilities(ParameterStore, NDArray, NDArray, NDArray)} for rows laid out by the caller:
     * {@code positionIds} (batch, time) give each token's position in its own text and {@code mask} (batch, 1,
     * time, time) says which tokens each attends to (0, or {@link #MASKED} for none). Several continuations
     * of one prompt then share one row: each attends to the prompt and to itself, never to the others.
     */
    NDArray logProbabilities(ParameterStore store, NDArray tokens, NDArray positionIds, NDArray mask,
            NDArray positions, NDArray labels) {
        NDArray x = hidden(store, tokens, positionIds, mask, false);
        long width = x.getShape().get(2);
        NDArray picked = x.reshape(-1, width).get(positions);
        NDArray logits = picked.matMul(store.getValue(tokenEmbedding, x.getDevice(), false).transpose());
        return logits.logSoftmax(-1).gather(labels.expandDims(-1), -1).squeeze(-1);
    }

    /** The final layer-normed hidden states, (batch, time, width), of rows that are texts from their start. */
    private NDArray hidden(ParameterStore store, NDArray tokens, boolean training) {
        return hidden(store, tokens, null, null, training);
    }

    /**
     * The final layer-normed hidden states, (batch, time, width). Without {@code positionIds} and {@code mask}
     * each row is one text from position 0 under the causal mask; with them, positions and attention are the
     * caller's (positions must stay below the context).
     */
    private NDArray hidden(ParameterStore store, NDArray tokens, NDArray positionIds, NDArray mask, boolean training) {
        long time = tokens.getShape().get(1);
        if (positionIds == null && time > shape.context()) {
            throw new IllegalArgumentException("sequence of " + time + " tokens exceeds context " + shape.context());
        }
        var device = tokens.getDevice();
        NDArray wte = store.getValue(tokenEmbedding, device, training);
        NDArray wpe = store.getValue(positionEmbedding, device, training);

        NDArray x = tokens.getNDArrayInternal().embedding(tokens, wte, SparseFormat.DENSE).head();
        if (positionIds == null) {
            x = x.add(wpe.get(new NDIndex("0:{}", time)));
            mask = causalMask(tokens.getManager(), (int) time);
        } else {
            x = x.add(positionIds.getNDArrayInternal().embedding(positionIds, wpe, SparseFormat.DENSE).head());
        }
        for (GptBlock block : blocks) {
            x = block.forward(store, new NDList(x, mask), training).head();
        }
        return LayerNorm.layerNorm(x, new Shape(shape.width()), store.getValue(finalNormGamma, device, training),
                store.getValue(finalNormBeta, device, training), GptBlock.LAYER_NORM_EPSILON).head();
    }

    private static NDArray causalMask(NDManager manager, int time) {
        float[] mask = new float[time * time];
        for (int row = 0; row < time; row++) {
            Arrays.fill(mask, row * time + row + 1, (row + 1) * time, MASKED);
        }
        return manager.create(mask, new Shape(time, time));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape tokens = inputShapes[0];
        Shape hidden = new Shape(tokens.get(0), tokens.get(1), shape.width());
        Shape mask = new Shape(tokens.get(1), tokens.get(1));
        for (GptBlock block : blocks) {
            block.initialize(manager, dataType, hidden, mask);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape tokens = inputShapes[0];
        return new Shape[] {new Shape(tokens.get(0), tokens.get(1), shape.vocabSize())};
    }

    /** Trainable parameters (embeddings counted once: the output layer shares them). */
    long parameterCount() {
        return getParameters().values().stream().mapToLong(p -> p.getShape().size()).sum();
    }

    static Parameter weight(String name, Shape shape, Initializer initializer) {
        return Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optShape(shape)
                .optInitializer(initializer).build();
    }

    static Parameter bias(String name, long size) {
        return Parameter.builder().setName(name).setType(Parameter.Type.BIAS).optShape(new Shape(size)).build();
    }

    static Parameter gamma(String name, long size) {
        return Parameter.builder().setName(name).setType(Parameter.Type.GAMMA).optShape(new Shape(size)).build();
    }

    static Parameter beta(String name, long size) {
        return Parameter.builder().setName(name).setType(Parameter.Type.BETA).optShape(new Shape(size)).build();
    }
}
