package dev.proda.student.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * One pre-LayerNorm transformer block: {@code x + attention(norm(x))}, then {@code x + mlp(norm(x))}
 * with a GELU MLP of four times the width. Inputs: x (batch, time, width) and the causal mask.
 */
final class GptBlock extends AbstractBlock {

    private static final byte VERSION = 1;
    static final float LAYER_NORM_EPSILON = 1e-5f;

    private final int width;
    private final Parameter attentionNormGamma;
    private final Parameter attentionNormBeta;
    private final CausalSelfAttention attention;
    private final Parameter mlpNormGamma;
    private final Parameter mlpNormBeta;
    private final Parameter expandWeight;
    private final Parameter expandBias;
    private final Parameter contractWeight;
    private final Parameter contractBias;

    GptBlock(int width, int heads, int layers) {
        super(VERSION);
        this.width = width;
        // GPT-2: scale the init of projections that write into the residual stream by 1/sqrt(2 * layers).
        float residualSigma = (float) (0.02 / Math.sqrt(2.0 * layers));
        attentionNormGamma = addParameter(GptModel.gamma("attentionNormGamma", width));
        attentionNormBeta = addParameter(GptModel.beta("attentionNormBeta", width));
        mlpNormGamma = addParameter(GptModel.gamma("mlpNormGamma", width));
        mlpNormBeta = addParameter(GptModel.beta("mlpNormBeta", width));
        expandWeight = addParameter(GptModel.weight("expandWeight", new Shape(4L * width, width),
                new NormalInitializer(0.02f)));
        expandBias = addParameter(GptModel.bias("expandBias", 4L * width));
        contractWeight = addParameter(GptModel.weight("contractWeight", new Shape(width, 4L * width),
                new NormalInitializer(residualSigma)));
        contractBias = addParameter(GptModel.bias("contractBias", width));
        attention = addChildBlock("attention", new CausalSelfAttention(width, heads, residualSigma));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.get(1);
        var device = x.getDevice();
        Shape normalized = new Shape(width);

        NDArray h = LayerNorm.layerNorm(x, normalized, store.getValue(attentionNormGamma, device, training),
                store.getValue(attentionNormBeta, device, training), LAYER_NORM_EPSILON).head();
        x = x.add(attention.forward(store, new NDList(h, mask), training).head());

        h = LayerNorm.layerNorm(x, normalized, store.getValue(mlpNormGamma, device, training),
                store.getValue(mlpNormBeta, device, training), LAYER_NORM_EPSILON).head();
        h = Linear.linear(h, store.getValue(expandWeight, device, training),
                store.getValue(expandBias, device, training)).head();
        h = Activation.gelu(h);
        h = Linear.linear(h, store.getValue(contractWeight, device, training),
                store.getValue(contractBias, device, training)).head();
        return new NDList(x.add(h));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        attention.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
