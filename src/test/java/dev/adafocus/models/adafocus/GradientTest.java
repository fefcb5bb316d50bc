package dev.adafocus.models.adafocus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.engine.Engine;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.StateDicts;
import dev.adafocus.engine.Tensors;
import dev.adafocus.testing.GradientCheck;
import dev.adafocus.testing.TinyModels;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.Test;

/** Gradients: the crop w.r.t. the patch location, the stop-gradient into the policy, float32 vs float64 on this CPU. */
class GradientTest {
  @Test
  void cropGradientWithRespectToLocationMatchesFiniteDifferences() {
    Engine.seed(3);
    try (NativeScope s = NativeScope.open()) {
      TensorOptions f64 = new TensorOptions(ScalarType.Double);
      Tensor frames = torch.rand(new long[] {2, 3, 12, 12}, f64);
      Tensor weights = torch.randn(new long[] {2, 3, 5, 5}, f64);
      double[] a = {0.13, 0.71, 0.58, 0.37};
      Tensor actions = Tensors.doubles(a, 2, 2).set_requires_grad(true);
      Tensor loss = PatchCrop.crop(frames, actions, 5).mul(weights).sum();
      loss.backward();
      double[] analytic = Tensors.toDoubles(actions.grad());
      double eps = 1e-6;
      for (int i = 0; i < a.length; i++) {
        double[] plus = a.clone();
        double[] minus = a.clone();
        plus[i] += eps;
        minus[i] -= eps;
        double lp = PatchCrop.crop(frames, Tensors.doubles(plus, 2, 2), 5).mul(weights).sum().item_double();
        double lm = PatchCrop.crop(frames, Tensors.doubles(minus, 2, 2), 5).mul(weights).sum().item_double();
        double numeric = (lp - lm) / (2 * eps);
        assertEquals(numeric, analytic[i], 1e-6 * Math.max(1, Math.abs(numeric)), "d loss / d a[" + i + "]");
        assertTrue(Math.abs(analytic[i]) > 1e-3, "gradient must not vanish");
      }
    }
  }

  @Test
  void cropIsTheShiftedBilinearSample() {
    try (NativeScope s = NativeScope.open()) {
      int size = 10;
      int p = 4;
      double[] img = new double[size * size];
      for (int i = 0; i < img.length; i++) {
        img[i] = Math.sin(i * 0.37) + i * 0.01;
      }
      double ay = 0.3;
      double ax = 0.85;
      Tensor patch = PatchCrop.crop(Tensors.doubles(img, 1, 1, size, size), Tensors.doubles(new double[] {ay, ax}, 1, 2), p);
      double[] got = Tensors.toDoubles(patch);
      double y1 = ay * (size - p);
      double x1 = ax * (size - p);
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          double y = y1 + i;
          double x = x1 + j;
          int y0 = (int) Math.floor(y);
          int x0 = (int) Math.floor(x);
          double dy = y - y0;
          double dx = x - x0;
          double expected = img[y0 * size + x0] * (1 - dy) * (1 - dx) + img[y0 * size + x0 + 1] * (1 - dy) * dx
              + img[(y0 + 1) * size + x0] * dy * (1 - dx) + img[(y0 + 1) * size + x0 + 1] * dy * dx;
          assertEquals(expected, got[i * p + j], 1e-12, "patch[" + i + "," + j + "]");
        }
      }
    }
  }

  @Test
  void noGradientReachesTheGlanceThroughThePolicy() {
    Engine.seed(5);
    AdaFocusV2 model = new AdaFocusV2(TinyModels.tiny());
    try (NativeScope s = NativeScope.open()) {
      Tensor video = torch.randn(new long[] {2, 9, 32, 32}, new TensorOptions(ScalarType.Float));
      AdaFocusOutput out = model.forwardTraining(video)[0];
      // the focus logits depend on the glance only through the policy's choice of patch
      out.focusLogits().sum().backward();
      Map<String, Tensor> params = StateDicts.tensors(model);
      double glanceGrad = 0;
      double policyGrad = 0;
      for (var e : params.entrySet()) {
        Tensor g = e.getValue().grad();
        double norm = g.defined() ? g.abs().sum().item_double() : 0;
        if (e.getKey().startsWith("global_CNN.")) {
          glanceGrad += norm;
        } else if (e.getKey().startsWith("policy_stn.")) {
          policyGrad += norm;
        }
      }
      assertEquals(0.0, glanceGrad, "glance parameters got a gradient through the policy");
      assertTrue(policyGrad > 0, "the policy must learn through the differentiable crop");
    }
  }

  @Test
  void float32GradientsMatchFloat64OnThisCpu() {
    Engine.seed(7);
    AdaFocusV2 model = new AdaFocusV2(TinyModels.tiny());
    model.eval(); // fixed BN statistics and no dropout: the two precisions compute the same function
    Map<String, double[]> g32;
    Map<String, double[]> g64;
    try (NativeScope s = NativeScope.open()) {
      Tensor video = torch.randn(new long[] {2, 9, 32, 32}, new TensorOptions(ScalarType.Float));
      g32 = GradientCheck.gradients(model, () -> lossOf(model, video));
      model.to(ScalarType.Double, false);
      Tensor video64 = video.to(ScalarType.Double);
      g64 = GradientCheck.gradients(model, () -> lossOf(model, video64));
    }
    assertFalse(g32.isEmpty());
    int checked = GradientCheck.assertFloat32MatchesFloat64(g32, g64, 2e-3);
    assertTrue(checked > 20, "too few gradients checked: " + checked);
  }

  /** A loss that reaches every component, including the patch location through the crop. */
  private static Tensor lossOf(AdaFocusV2 model, Tensor video) {
    AdaFocusOutput o = model.forward(video);
    return o.stepLogits().pow(new org.bytedeco.pytorch.Scalar(2)).mean()
        .add(o.glanceLogits().pow(new org.bytedeco.pytorch.Scalar(2)).mean())
        .add(o.focusLogits().pow(new org.bytedeco.pytorch.Scalar(2)).mean());
  }
}
