package dev.adafocus.nn;

import dev.adafocus.flops.FlopCounter;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/** 2-D convolution with parameters {@code weight} [out, in/groups, k, k] and optional {@code bias}. */
public final class Conv2d extends Layer {
  private final Tensor weight;
  private final Tensor bias;
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

  public long kernel() {
    return kernel;
  }

  @Override
  public Tensor forward(Tensor x) {
    Tensor y = torch.conv2d(x, weight, bias == null ? new TensorOptional() : new TensorOptional(bias),
        new long[] {stride, stride}, new long[] {padding, padding}, new long[] {1, 1}, groups);
    // thop: output elements x (in/groups x k x k) multiply-accumulates; bias adds are not counted
    FlopCounter.record(y.numel() * (inChannels / groups) * kernel * kernel);
    return y;
  }
}
