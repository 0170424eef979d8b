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
    private static final float MASKED = -1e9f;

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
        NDArray tokens = inputs.head();
        long time = tokens.getShape().get(1);
        if (time > shape.context()) {
            throw new IllegalArgumentException("sequence of " + time + " tokens exceeds context " + shape.context());
        }
        var device = tokens.getDevice();
        NDArray wte = store.getValue(tokenEmbedding, device, training);
        NDArray wpe = store.getValue(positionEmbedding, device, training);

        NDArray x = tokens.getNDArrayInternal().embedding(tokens, wte, SparseFormat.DENSE).head();
        x = x.add(wpe.get(new NDIndex("0:{}", time)));
        NDArray mask = causalMask(tokens.getManager(), (int) time);
        for (GptBlock block : blocks) {
            x = block.forward(store, new NDList(x, mask), training).head();
        }
        x = LayerNorm.layerNorm(x, new Shape(shape.width()), store.getValue(finalNormGamma, device, training),
                store.getValue(finalNormBeta, device, training), GptBlock.LAYER_NORM_EPSILON).head();
        return new NDList(x.matMul(wte.transpose()));
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
