package dev.adafocus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.adafocus.engine.NativeScope;
import dev.adafocus.models.adafocus.AdaFocusConfig;
import dev.adafocus.models.adafocus.AdaFocusOutput;
import dev.adafocus.models.adafocus.AdaFocusV2;
import dev.adafocus.models.backbones.BackboneSpec;
import dev.adafocus.nn.InferenceOptimisation;
import dev.adafocus.nn.Precision;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.Test;

/** The stages the bench times run on what the whole model's forward computes. */
class AdaFocusStagesTest {
  private static final AdaFocusConfig TINY = new AdaFocusConfig(5, 3, 32, 16, new BackboneSpec("mobilenet_v2", 0.25), 0,
      new BackboneSpec("resnet10", 0.25), 16, 32, 0.2, 0.2);

  @Test
  void stageInputsAreTheModelsOwnIntermediates() {
    torch.manual_seed(3);
    AdaFocusV2 model = BenchSubject.prepared(new AdaFocusV2(TINY), InferenceOptimisation.FAST, Precision.FLOAT32);
    try (NativeScope scope = NativeScope.open(); Pointer guard = InferenceOptimisation.FAST.enter()) {
      Tensor video = torch.randn(new long[] {2, 9, 32, 32}, new TensorOptions(ScalarType.Float));
      AdaFocusOutput whole = model.forward(video);
      AdaFocusStages stages = new AdaFocusStages(model);
      AdaFocusStages.Intermediates in = stages.intermediates(video);
      assertEquals(0.0, maxDiff(whole.actions(), in.actions()), 0.0, "patch locations");
      assertEquals(0.0, maxDiff(whole.patches(), in.patches()), 0.0, "patches");
      assertEquals(0.0, maxDiff(whole.focusLogits(), model.focus().auxLogits(in.local())), 0.0, "focus features");
      assertSame(in, stages.intermediates(video), "computed once per video batch");
    } finally {
      model.close();
    }
  }

  private static double maxDiff(Tensor a, Tensor b) {
    return a.sub(b).abs().max().item_double();
  }
}
