package dev.adafocus.engine;

import dev.adafocus.AdaFocusException;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Checks, before training, that this CPU's float32 convolution backward agrees with float64: some oneDNN kernels
 * return wrong input gradients on some CPUs (README: CPU correctness), which would make training silently wrong.
 */
public final class GradientSelfCheck {
  /** Largest accepted relative error of the float32 input gradient. */
  static final double TOLERANCE = 1e-3;

  private GradientSelfCheck() {}

  /** Relative error of the float32 input gradient of a 3-channel 3×3 convolution (the first layer of every CNN). */
  public static double convInputGradientError() {
    Engine.seed(12345);
    try (NativeScope s = NativeScope.open()) {
      Tensor x64 = torch.randn(new long[] {4, 3, 20, 20}, new TensorOptions(ScalarType.Double));
      Tensor w64 = torch.randn(new long[] {8, 3, 3, 3}, new TensorOptions(ScalarType.Double));
      Tensor g64 = torch.randn(new long[] {4, 8, 20, 20}, new TensorOptions(ScalarType.Double));
      double[] ref = inputGradient(x64, w64, g64);
      double[] got = inputGradient(x64.to(ScalarType.Float), w64.to(ScalarType.Float), g64.to(ScalarType.Float));
      double maxDiff = 0;
      double maxRef = 0;
      for (int i = 0; i < ref.length; i++) {
        maxDiff = Math.max(maxDiff, Math.abs(got[i] - ref[i]));
        maxRef = Math.max(maxRef, Math.abs(ref[i]));
      }
      return maxDiff / maxRef;
    }
  }

  /** Throws a clear error when the check fails. */
  public static void require() {
    double err = convInputGradientError();
    if (!(err <= TOLERANCE)) {
      throw new AdaFocusException(String.format(java.util.Locale.ROOT, "this CPU's float32 convolution backward is wrong"
          + " (relative error %.3g against float64 with ONEDNN_MAX_CPU_ISA=%s): training would be silently wrong."
          + " Run with ONEDNN_MAX_CPU_ISA=SSE41 (./adafocus sets it on AMD CPUs) and report the CPU model.",
          err, Engine.onednnIsa()));
    }
  }

  private static double[] inputGradient(Tensor x, Tensor w, Tensor upstream) {
    Tensor xi = x.detach().clone().set_requires_grad(true);
    Tensor y = torch.conv2d(xi, w, new TensorOptional(), new long[] {1, 1}, new long[] {1, 1}, new long[] {1, 1}, 1);
    y.mul(upstream).sum().backward();
    return Tensors.toDoubles(xi.grad());
  }
}
