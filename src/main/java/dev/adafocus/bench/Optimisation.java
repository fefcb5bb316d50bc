package dev.adafocus.bench;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.InferenceMode;
import org.bytedeco.pytorch.NoGradGuard;

/**
 * How a model is run for inference.
 *
 * @param foldBatchNorm fold every BatchNorm into its convolution before running ({@code nn.BatchNormFolding})
 * @param channelsLast store convolution weights channels-last ({@code nn.ChannelsLast}), so activations are NHWC
 * @param inferenceMode run under libtorch's InferenceMode (no autograd bookkeeping at all: no version counters, no
 *     views tracking) instead of only disabling gradients with NoGradGuard
 * @param fuseActivations run each convolution with its activation (and a residual block's sum) as one oneDNN call
 *     ({@code nn.ActivationFusion}; needs the folded BatchNorms)
 * @param chunkBatches run the CNNs on large batches of frames or patches in chunks of
 *     {@code nn.BatchChunking.DEFAULT_IMAGES} ({@code nn.BatchChunking})
 */
public record Optimisation(boolean foldBatchNorm, boolean channelsLast, boolean inferenceMode, boolean fuseActivations,
    boolean chunkBatches) {
  /** Everything on: what {@code adafocus bench} measures by default. */
  public static final Optimisation FAST = new Optimisation(true, true, true, true, true);
  /** The straightforward way: eval mode under NoGradGuard, BatchNorm kept, NCHW weights, no fusion, no chunks. */
  public static final Optimisation PLAIN = new Optimisation(false, false, false, false, false);

  /** {@link #FAST} without the activation fusion. */
  public static final Optimisation UNFUSED = new Optimisation(true, true, true, false, true);
  /** {@link #FAST} without the batch chunking. */
  public static final Optimisation UNCHUNKED = new Optimisation(true, true, true, true, false);

  /** Each optimisation of {@link #FAST} turned off alone (for the ablation); no folding also means no fusion. */
  public static java.util.List<Optimisation> leaveOneOut() {
    return java.util.List.of(new Optimisation(false, true, true, false, true), new Optimisation(true, false, true, true, true),
        new Optimisation(true, true, false, true, true), UNFUSED, UNCHUNKED);
  }

  /** Enters the gradient mode; close the returned guard on the same thread. */
  public Pointer enter() {
    return inferenceMode ? new InferenceMode() : new NoGradGuard();
  }

  /** Short label for tables. */
  public String label() {
    if (equals(FAST)) {
      return "fast";
    }
    if (equals(PLAIN)) {
      return "plain";
    }
    return (foldBatchNorm ? "fold" : "no-fold") + "+" + (channelsLast ? "nhwc" : "nchw") + "+"
        + (inferenceMode ? "inference-mode" : "no-grad") + "+" + (fuseActivations ? "fuse" : "no-fuse") + "+"
        + (chunkBatches ? "chunk" : "no-chunk");
  }
}
