package dev.adafocus.nn;

import dev.adafocus.flops.FlopCounter;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Batch normalisation over dimension 1 (BatchNorm1d on [N, C], BatchNorm2d on [N, C, H, W]) with PyTorch's
 * parameters and buffers: weight, bias, running_mean, running_var, num_batches_tracked; momentum 0.1, eps 1e-5.
 */
public final class BatchNorm extends Layer {
  private final Tensor weight;
  private final Tensor bias;
  private final Tensor runningMean;
  private final Tensor runningVar;
  private final Tensor numBatchesTracked;

  public BatchNorm(long channels) {
    weight = param("weight", Init.constant(1, channels));
    bias = param("bias", Init.constant(0, channels));
    runningMean = buffer("running_mean", Init.constant(0, channels));
    runningVar = buffer("running_var", Init.constant(1, channels));
    numBatchesTracked = buffer("num_batches_tracked", torch.zeros(new long[0], new TensorOptions(ScalarType.Long)));
  }

  public Tensor weight() {
    return weight;
  }

  public Tensor bias() {
    return bias;
  }

  public Tensor runningMean() {
    return runningMean;
  }

  public Tensor runningVar() {
    return runningVar;
  }

  @Override
  public Tensor forward(Tensor x) {
    // the official GFLOPs count each BN as one multiply-accumulate per channel and sample (torchsummaryX convention)
    FlopCounter.record(x.size(0) * x.size(1));
    boolean training = is_training();
    if (training) {
      try (org.bytedeco.pytorch.NoGradGuard g = new org.bytedeco.pytorch.NoGradGuard()) {
        numBatchesTracked.add_(new org.bytedeco.pytorch.Scalar(1));
      }
    }
    return torch.batch_norm(x, new TensorOptional(weight), new TensorOptional(bias), new TensorOptional(runningMean),
        new TensorOptional(runningVar), training, 0.1, 1e-5, true);
  }
}
