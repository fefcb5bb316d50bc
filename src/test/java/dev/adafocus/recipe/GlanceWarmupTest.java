package dev.adafocus.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.data.synthetic.BenchmarkGenerator;
import dev.adafocus.data.synthetic.LabelRule;
import dev.adafocus.data.synthetic.SyntheticBenchmark;
import dev.adafocus.engine.Engine;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.StateDicts;
import dev.adafocus.engine.Tensors;
import dev.adafocus.models.adafocus.AdaFocusConfig;
import dev.adafocus.models.adafocus.AdaFocusV2;
import dev.adafocus.models.backbones.BackboneSpec;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

/** The glance warm-up learns where the object is, and touches the glance only. */
class GlanceWarmupTest {
  static final SyntheticBenchmark BENCH = new SyntheticBenchmark(64, 4, 20, 2, 4, 6, 8, 0.1, true, 10, 64, 8, 0,
      LabelRule.DIGIT);

  static AdaFocusV2 model() {
    Engine.seed(3);
    return new AdaFocusV2(new AdaFocusConfig(10, 4, 64, 24, new BackboneSpec("small_resnet10", 0.25), 32,
        new BackboneSpec("small_resnet10", 0.25), 16, 32, 0.2, 0.2));
  }

  static float[] state(AdaFocusV2 m, String prefix) {
    try (NativeScope s = NativeScope.open()) {
      Map<String, Tensor> t = StateDicts.tensors(m);
      return Tensors.toFloats(org.bytedeco.pytorch.global.torch.cat(new org.bytedeco.pytorch.TensorVector(
          t.entrySet().stream().filter(e -> e.getKey().startsWith(prefix) && e.getValue().is_floating_point())
              .map(e -> e.getValue().flatten(0, -1)).toArray(Tensor[]::new))));
    }
  }

  @Test
  void locationErrorFallsAndOnlyTheGlanceChanges() {
    BenchmarkGenerator gen = new BenchmarkGenerator(BENCH);
    AdaFocusV2 m = model();
    float[] focusBefore = state(m, "local_CNN");
    float[] policyBefore = state(m, "policy_stn");
    float[] glanceBefore = state(m, "global_CNN");
    double first = GlanceWarmup.run(m, gen, 1, 8, 0.1, 5, null);
    double later = GlanceWarmup.run(m, gen, 80, 8, 0.1, 5, null);
    assertTrue(later < 0.75 * first, "location error " + first + " px -> " + later + " px");
    assertArrayEquals(focusBefore, state(m, "local_CNN"));
    assertArrayEquals(policyBefore, state(m, "policy_stn"));
    assertFalse(java.util.Arrays.equals(glanceBefore, state(m, "global_CNN")));
    m.close();
  }
}
