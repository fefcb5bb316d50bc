package dev.adafocus.nn;

import dev.adafocus.engine.NativeScope;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;

/**
 * Eval-time folding of BatchNorm into the convolution or linear layer that feeds it, in place: with
 * s = γ / √(running_var + ε), the layer's weight becomes W·s (per output channel) and the shift β − running_mean·s
 * becomes its bias, so the BatchNorm pass over the activations disappears.
 *
 * <p>A BatchNorm is folded when the child registered just before it, in the same parent, is a {@link Conv2d} or
 * {@link Linear} with as many outputs as it has channels: the convention of every network here (torchvision's
 * {@code convN}/{@code bnN} pairs, and the order of a {@link Sequential}).
 *
 * <p>The folded model is for inference only (a folded BatchNorm refuses to run in training mode). Its state dict stays
 * equivalent: each folded BatchNorm is left holding the identity (γ = 1, mean = 0, var = 1 − ε) plus the shift in β
 * when its convolution has no bias, so saving it and loading into an unfolded model gives the same eval outputs.
 */
public final class BatchNormFolding {
  private BatchNormFolding() {}

  /** Folds every eligible BatchNorm under {@code root}, switches the model to eval mode, returns how many it folded. */
  public static int fold(Net root) {
    root.eval();
    try (NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard()) {
      return foldUnder(root);
    }
  }

  private static int foldUnder(Net parent) {
    int count = 0;
    List<Module> children = parent.registeredChildren();
    for (int i = 0; i < children.size(); i++) {
      Module child = children.get(i);
      if (child instanceof BatchNorm bn && i > 0 && !bn.isFolded()) {
        Module before = children.get(i - 1);
        if (before instanceof Conv2d conv && conv.outChannels() == bn.weight().size(0)) {
          foldIntoConv(conv, bn);
          count++;
        } else if (before instanceof Linear linear && linear.weight().size(0) == bn.weight().size(0)) {
          foldIntoAffine(linear.weight(), linear.bias(), bn);
          count++;
        }
      } else if (child instanceof Net net) {
        count += foldUnder(net);
      }
    }
    return count;
  }

  private static void foldIntoConv(Conv2d conv, BatchNorm bn) {
    Tensor bias = conv.biasOrNull();
    if (bias != null) {
      foldIntoAffine(conv.weight(), bias, bn);
      return;
    }
    Tensor scale = scale(bn);
    conv.weight().mul_(perOutputChannel(scale, conv.weight()));
    // β ← β − mean·s, kept in the BatchNorm (so the state dict still describes the model) and added by the conv
    bn.bias().sub_(bn.runningMean().mul(scale));
    setIdentityStatistics(bn);
    conv.addFoldedBias(bn.bias());
    bn.markFolded();
  }

  /** Folds into a layer y = W x + b that has a bias: W ← W·s, b ← (b − mean)·s + β; the BatchNorm becomes identity. */
  private static void foldIntoAffine(Tensor weight, Tensor bias, BatchNorm bn) {
    Tensor scale = scale(bn);
    weight.mul_(perOutputChannel(scale, weight));
    bias.sub_(bn.runningMean()).mul_(scale).add_(bn.bias());
    bn.bias().zero_();
    setIdentityStatistics(bn);
    bn.markFolded();
  }

  private static Tensor scale(BatchNorm bn) {
    return bn.weight().div(bn.runningVar().add(new Scalar(BatchNorm.EPS)).sqrt());
  }

  /** {@code scale} [out] shaped to broadcast over a weight [out, ...]. */
  private static Tensor perOutputChannel(Tensor scale, Tensor weight) {
    long[] shape = new long[(int) weight.dim()];
    Arrays.fill(shape, 1);
    shape[0] = scale.size(0);
    return scale.reshape(shape);
  }

  private static void setIdentityStatistics(BatchNorm bn) {
    bn.weight().fill_(new Scalar(1.0));
    bn.runningMean().zero_();
    bn.runningVar().fill_(new Scalar(1.0 - BatchNorm.EPS));
  }
}
