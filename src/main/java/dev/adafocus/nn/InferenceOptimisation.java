package dev.adafocus.nn;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.InferenceMode;
import org.bytedeco.pytorch.NoGradGuard;

/**
 * How a model is prepared and run for inference: which of the eval-time transforms {@link #apply} performs, and the
 * gradient mode {@link #enter} opens. {@link #FAST} is what {@code adafocus bench} measures and {@code adafocus test
 * --optimise} evaluates with.
 *
 * @param foldBatchNorm fold every BatchNorm into its convolution before running ({@link BatchNormFolding})
 * @param channelsLast store convolution weights channels-last ({@link ChannelsLast}), so activations are NHWC
 * @param inferenceMode run under libtorch's InferenceMode (no autograd bookkeeping at all: no version counters, no
 *     views tracking) instead of only disabling gradients with NoGradGuard
 * @param fuseActivations run each convolution with its activation (and a residual block's sum) as one oneDNN call
 *     ({@link ActivationFusion}; needs the folded BatchNorms)
 * @param chunkBatches run the CNNs on large batches of frames or patches in chunks of
 *     {@link BatchChunking#DEFAULT_IMAGES} ({@link BatchChunking})
 * @param projectRecurrence let the GRU project the inputs of a whole batch of sequences at once
 *     ({@link Gru#projectBatches}; one sequence always is)
 */
public record InferenceOptimisation(boolean foldBatchNorm, boolean channelsLast, boolean inferenceMode, boolean fuseActivations,
    boolean chunkBatches, boolean projectRecurrence) {
  /** Everything on: what {@code adafocus bench} measures by default. */
  public static final InferenceOptimisation FAST = new InferenceOptimisation(true, true, true, true, true, true);
  /** The straightforward way: eval mode under NoGradGuard, BatchNorm kept, NCHW weights, no fusion, no chunks. */
  public static final InferenceOptimisation PLAIN = new InferenceOptimisation(false, false, false, false, false, false);

  /** {@link #FAST} without the activation fusion. */
  public static final InferenceOptimisation UNFUSED = new InferenceOptimisation(true, true, true, false, true, true);
  /** {@link #FAST} without the batch chunking. */
  public static final InferenceOptimisation UNCHUNKED = new InferenceOptimisation(true, true, true, true, false, true);

  /** Each optimisation of {@link #FAST} turned off alone (for the ablation); no folding also means no fusion. */
  public static java.util.List<InferenceOptimisation> leaveOneOut() {
    return java.util.List.of(new InferenceOptimisation(false, true, true, false, true, true),
        new InferenceOptimisation(true, false, true, true, true, true), new InferenceOptimisation(true, true, false, true, true, true),
        UNFUSED, UNCHUNKED, new InferenceOptimisation(true, true, true, true, true, false));
  }

  /** Switches {@code model} to eval mode and applies the chosen transforms, in place (it can no longer train). */
  public void apply(Net model) {
    model.eval();
    if (foldBatchNorm) {
      BatchNormFolding.fold(model);
    }
    if (channelsLast) {
      ChannelsLast.convert(model);
    }
    if (fuseActivations) {
      ActivationFusion.fuse(model);
    }
    if (chunkBatches) {
      BatchChunking.apply(model, BatchChunking.DEFAULT_IMAGES);
    }
    if (projectRecurrence) {
      model.subtree().forEach(n -> {
        if (n instanceof Gru gru) {
          gru.projectBatches();
        }
      });
    }
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
        + (chunkBatches ? "chunk" : "no-chunk") + "+" + (projectRecurrence ? "gru-projected" : "gru-cell");
  }
}
