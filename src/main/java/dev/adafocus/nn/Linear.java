package dev.adafocus.nn;

import dev.adafocus.flops.FlopCounter;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/** Fully connected layer y = x Wᵀ + b with parameters {@code weight} [out, in] and {@code bias} [out]. */
public final class Linear extends Layer {
  private final Tensor weight;
  private final Tensor bias;
  private final long inFeatures;

  public Linear(long inFeatures, long outFeatures) {
    this.inFeatures = inFeatures;
    weight = param("weight", Init.pytorchDefault(inFeatures, outFeatures, inFeatures));
    bias = param("bias", Init.pytorchDefault(inFeatures, outFeatures));
  }

  public Tensor weight() {
    return weight;
  }

  public Tensor bias() {
    return bias;
  }

  @Override
  public Tensor forward(Tensor x) {
    Tensor y = torch.linear(x, weight, new TensorOptional(bias));
    FlopCounter.record(y.numel() * inFeatures);
    return y;
  }
}
