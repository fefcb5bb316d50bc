package dev.adafocus.models.adafocus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.Tensors;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

/** The loss composition on a toy batch, against a hand computation. */
class AdaFocusLossTest {
  @Test
  void eachTermIsPresentAndTheBranchesAreAveraged() {
    try (NativeScope s = NativeScope.open()) {
      // B = 1 video, T = 2 frames, C = 2 classes, target 1
      Tensor target = Tensors.longs(new long[] {1}, 1);
      AdaFocusOutput a = output(new float[] {0, 0, 1, 0}, new float[] {0, 2, 0, 0}, new float[] {3, 0, 0, 1});
      AdaFocusOutput b = output(new float[] {0, 1, 0, 1}, new float[] {0, 2, 0, 0}, new float[] {0, 0, 0, 0});
      AdaFocusLoss.Terms t = AdaFocusLoss.compute(new AdaFocusOutput[] {a, b}, target);
      double stepsA = (ce(0, 0) + ce(1, 0)) / 2;
      double stepsB = (ce(0, 1) + ce(0, 1)) / 2;
      double glance = (ce(0, 2) + ce(0, 0)) / 2;
      double focusA = (ce(3, 0) + ce(0, 1)) / 2;
      double focusB = (ce(0, 0) + ce(0, 0)) / 2;
      double expected = ((stepsA + glance + focusA) + (stepsB + glance + focusB)) / 2;
      assertEquals(expected, t.total().item_double(), 1e-6);
      assertEquals((stepsA + stepsB) / 2, t.steps(), 1e-6);
      assertEquals(glance, t.glance(), 1e-6);
      assertEquals((focusA + focusB) / 2, t.focus(), 1e-6);
    }
  }

  /** Cross entropy of a 2-class logit pair with target class 1. */
  private static double ce(double l0, double l1) {
    double m = Math.max(l0, l1);
    return -(l1 - m - Math.log(Math.exp(l0 - m) + Math.exp(l1 - m)));
  }

  private static AdaFocusOutput output(float[] steps, float[] glance, float[] focus) {
    return new AdaFocusOutput(Tensors.floats(steps, 1, 2, 2), null, Tensors.floats(glance, 2, 2), Tensors.floats(focus, 2, 2), null, null);
  }
}
