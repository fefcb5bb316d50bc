package dev.adafocus.models.adafocus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.engine.Engine;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.Tensors;
import dev.adafocus.exit.ExitCalibration;
import dev.adafocus.exit.ExitOutcome;
import dev.adafocus.exit.ExitPolicy;
import dev.adafocus.testing.TinyModels;
import java.util.Arrays;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runtime early exit takes exactly the decisions that offline calibration predicts on the same inputs. */
class StepwiseInferenceTest {
  static AdaFocusV2 model;

  @BeforeAll
  static void build() {
    Engine.seed(11);
    model = new AdaFocusV2(TinyModels.tiny());
    model.eval();
  }

  @Test
  void runtimeExitsEqualOfflineCalibration() {
    try (NativeScope s = NativeScope.open()) {
      float[][][] train = stepLogits(randomVideos(40));
      ExitPolicy policy = new ExitCalibration(train).fit(2.0);
      Tensor val = randomVideos(16);
      ExitOutcome offline = ExitCalibration.apply(policy, stepLogits(val));
      StepwiseInference.Result runtime = new StepwiseInference(model).run(val, policy);
      assertArrayEquals(offline.exitSteps(), runtime.outcome().exitSteps());
      for (int v = 0; v < 16; v++) {
        assertArrayEquals(offline.predictions()[v], runtime.outcome().predictions()[v], 1e-4f, "video " + v);
        assertEquals(offline.exitSteps()[v] + 1, runtime.actions()[v].length, "steps processed by video " + v);
      }
      assertTrue(Arrays.stream(offline.exitSteps()).anyMatch(k -> k < 2), "some video must exit early");
      assertTrue(Arrays.stream(offline.exitSteps()).anyMatch(k -> k == 2), "some video must run to the end");
    }
  }

  @Test
  void withoutEarlyExitItEqualsTheWholeClipForward() {
    try (NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard()) {
      Tensor val = randomVideos(4);
      AdaFocusOutput full = model.forward(val);
      ExitPolicy never = new ExitPolicy(new double[] {ExitPolicy.UNREACHABLE, ExitPolicy.UNREACHABLE, ExitPolicy.ACCEPT_ALL});
      StepwiseInference.Result r = new StepwiseInference(model).run(val, never);
      float[] pred = Tensors.toFloats(full.prediction());
      float[] act = Tensors.toFloats(full.actions());
      for (int v = 0; v < 4; v++) {
        assertEquals(2, r.outcome().exitSteps()[v]);
        assertArrayEquals(Arrays.copyOfRange(pred, v * 5, v * 5 + 5), r.outcome().predictions()[v], 1e-4f);
        for (int t = 0; t < 3; t++) {
          assertArrayEquals(Arrays.copyOfRange(act, (v * 3 + t) * 2, (v * 3 + t) * 2 + 2), r.actions()[v][t], 1e-5f);
        }
      }
    }
  }

  private static Tensor randomVideos(int n) {
    return torch.randn(new long[] {n, 9, 32, 32}, new TensorOptions(ScalarType.Float));
  }

  private static float[][][] stepLogits(Tensor videos) {
    try (NoGradGuard g = new NoGradGuard()) {
      Tensor logits = model.forward(videos).stepLogits();
      int n = (int) logits.size(0);
      float[] flat = Tensors.toFloats(logits);
      float[][][] out = new float[n][3][5];
      for (int i = 0; i < n; i++) {
        for (int t = 0; t < 3; t++) {
          System.arraycopy(flat, (i * 3 + t) * 5, out[i][t], 0, 5);
        }
      }
      return out;
    }
  }
}
