package dev.proda.student.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Starts DJL's PyTorch engine offline and sets its thread count.
 *
 * <p>{@code ai.djl.pytorch.num_threads} is only read when the engine starts, so it is set here before
 * the first use; when the engine is already running (a second training in the same JVM) the
 * intra-op thread count is changed directly with {@code torch::set_num_threads}, which PyTorch allows
 * at any time. Inter-op threads are fixed at start (1 here: the model runs one op at a time).
 *
 * <p>Reproducibility: libtorch's MKL chooses alignment-dependent kernels, so two runs with the same
 * seed occasionally differ in the last bits, which training then amplifies into a different (equally
 * good) model. Environment variables fix that and can only be set by whoever launches the JVM:
 * {@code MKL_CBWR=AUTO} (about 5% slower training) and, with more than one thread,
 * {@code MKL_DYNAMIC=FALSE}; even then, one thread is the only bitwise guarantee we observed.
 */
final class PyTorchRuntime {

    static final String ENGINE = "PyTorch";

    private PyTorchRuntime() { }

    /** The engine, started offline with {@code threads} intra-op threads. */
    static synchronized Engine start(int threads) {
        // Never download native libraries or models: the native jar is on the class path.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        Engine engine = Engine.getEngine(ENGINE);
        if (JniUtils.getNumThreads() != threads) {
            JniUtils.setNumThreads(threads);
        }
        return engine;
    }

    /** A fresh CPU manager on the PyTorch engine (the caller closes it). */
    static NDManager newManager(int threads) {
        return start(threads).newBaseManager(Device.cpu());
    }

    /** Makes parameter initialisation reproducible. */
    static void seed(long seed) {
        Engine.getEngine(ENGINE).setRandomSeed(Long.hashCode(seed));
    }

    static String pytorchVersion() {
        return Engine.getEngine(ENGINE).getVersion();
    }

    static String djlVersion() {
        return Engine.getDjlVersion();
    }
}
