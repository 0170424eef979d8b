package dev.proda.student.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * Multi-head self-attention in which each position attends only to itself and earlier positions.
 *
 * <p>Inputs: {@code x} of shape (batch, time, width) and an additive mask (time, time) holding 0 on
 * and below the diagonal and a large negative number above it. Output: (batch, time, width).
 */
final class CausalSelfAttention extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int width;
    private final int heads;
    private final Parameter qkvWeight;
    private final Parameter qkvBias;
    private final Parameter projectionWeight;
    private final Parameter projectionBias;

    CausalSelfAttention(int width, int heads, float projectionSigma) {
        super(VERSION);
        this.width = width;
        this.heads = heads;
        // One fused projection for queries, keys and values: one matmul instead of three.
        qkvWeight = addParameter(GptModel.weight("qkvWeight", new Shape(3L * width, width), new NormalInitializer(0.02f)));
        qkvBias = addParameter(GptModel.bias("qkvBias", 3L * width));
        projectionWeight = addParameter(GptModel.weight("projectionWeight", new Shape(width, width),
                new NormalInitializer(projectionSigma)));
        projectionBias = addParameter(GptModel.bias("projectionBias", width));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.get(1);
        long batch = x.getShape().get(0);
        long time = x.getShape().get(1);
        long headSize = width / heads;
        var device = x.getDevice();

        NDArray qkv = Linear.linear(x, store.getValue(qkvWeight, device, training),
                store.getValue(qkvBias, device, training)).head();
        // (batch, time, 3, heads, headSize) -> (3, batch, heads, time, headSize)
        qkv = qkv.reshape(batch, time, 3, heads, headSize).transpose(2, 0, 3, 1, 4);
        NDArray q = qkv.get(0);
        NDArray k = qkv.get(1);
        NDArray v = qkv.get(2);

        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(1.0 / Math.sqrt(headSize)).add(mask);
        NDArray attended = scores.softmax(-1).matMul(v); // (batch, heads, time, headSize)
        NDArray merged = attended.transpose(0, 2, 1, 3).reshape(batch, time, width);
        return Linear.linear(merged, store.getValue(projectionWeight, device, training),
                store.getValue(projectionBias, device, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
