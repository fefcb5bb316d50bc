package dev.adafocus.nn;

import dev.adafocus.engine.FusedConvolution;
import dev.adafocus.flops.FlopCounter;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/** 2-D convolution with parameters {@code weight} [out, in/groups, k, k] and optional {@code bias}. */
public final class Conv2d extends Layer {
  private final Tensor weight;
  private final Tensor bias;
  private Tensor foldedBias;
  private FusedConvolution.Activation fusedActivation;
  private final long inChannels;
  private final long outChannels;
  private final long kernel;
  private final long stride;
  private final long padding;
  private final long groups;

  /** A convolution initialised with PyTorch's default rule (re-initialise as the network requires). */
  public Conv2d(long inChannels, long outChannels, long kernel, long stride, long padding, long groups, boolean bias) {
    if (inChannels % groups != 0 || outChannels % groups != 0) {
      throw new IllegalArgumentException("channels " + inChannels + "->" + outChannels + " not divisible by groups " + groups);
    }
    this.inChannels = inChannels;
    this.outChannels = outChannels;
    this.kernel = kernel;
    this.stride = stride;
    this.padding = padding;
    this.groups = groups;
    long fanIn = inChannels / groups * kernel * kernel;
    this.weight = param("weight", Init.pytorchDefault(fanIn, outChannels, inChannels / groups, kernel, kernel));
    this.bias = bias ? param("bias", Init.pytorchDefault(fanIn, outChannels)) : null;
  }

  public Tensor weight() {
    return weight;
  }

  public long outChannels() {
    return outChannels;
  }

  /** The bias parameter, or null when the convolution has none. */
  Tensor biasOrNull() {
    return bias;
  }

  /**
   * Adds {@code shift} (per output channel) inside the convolution from now on: the bias of a following BatchNorm
   * folded into this layer ({@link BatchNormFolding}); only for a convolution without a bias of its own.
   */
  void addFoldedBias(Tensor shift) {
    if (bias != null) {
      throw new IllegalStateException("convolution already has a bias; fold into it instead");
    }
    foldedBias = shift;
  }

  /**
   * Applies {@code activation} inside this convolution from now on ({@link ActivationFusion}, inference only):
   * {@link #forward} then returns activation(conv(x)) and {@link #forwardAdd} activation(conv(x) + residual).
   */
  void fuseActivation(FusedConvolution.Activation activation) {
    fusedActivation = activation;
  }

  /** Whether an activation has been fused into this convolution. */
  public boolean hasFusedActivation() {
    return fusedActivation != null;
  }

  /** conv(x), followed by the fused activation if there is one. */
  @Override
  public Tensor forward(Tensor x) {
    if (fusedActivation == null) {
      return plain(x);
    }
    requireInference();
    if (FusedConvolution.worthwhile(x)) {
      return count(FusedConvolution.conv(x, weight, biasOrFolded(), stride, padding, groups, fusedActivation));
    }
    return apply(fusedActivation, plain(x));
  }

  /**
   * activation(conv(x) + residual) for a fused convolution: a residual block's last convolution (its BatchNorm folded
   * in), the shortcut sum and the block's activation in one call.
   */
  public Tensor forwardAdd(Tensor x, Tensor residual) {
    if (fusedActivation == null) {
      throw new IllegalStateException("forwardAdd needs a fused convolution (ActivationFusion)");
    }
    requireInference();
    if (FusedConvolution.worthwhileSum(x, residual)) {
      return count(FusedConvolution.convAdd(x, residual, weight, biasOrFolded(), stride, padding, groups, fusedActivation));
    }
    return apply(fusedActivation, plain(x).add(residual));
  }

  private void requireInference() {
    if (is_training()) {
      throw new IllegalStateException("convolution was fused with its activation for inference; "
          + "build a fresh model to train");
    }
  }

  private Tensor biasOrFolded() {
    return bias != null ? bias : foldedBias;
  }

  private Tensor plain(Tensor x) {
    Tensor b = biasOrFolded();
    return count(torch.conv2d(x, weight, b == null ? new TensorOptional() : new TensorOptional(b),
        new long[] {stride, stride}, new long[] {padding, padding}, new long[] {1, 1}, groups));
  }

  private Tensor count(Tensor y) {
    // thop: output elements x (in/groups x k x k) multiply-accumulates; bias adds are not counted
    FlopCounter.record(y.numel() * (inChannels / groups) * kernel * kernel);
    return y;
  }

  private static Tensor apply(FusedConvolution.Activation activation, Tensor y) {
    return switch (activation) {
      case NONE -> y;
      case RELU -> torch.relu(y);
      case RELU6 -> torch.hardtanh(y, new org.bytedeco.pytorch.Scalar(0.0), new org.bytedeco.pytorch.Scalar(6.0));
    };
  }
}
