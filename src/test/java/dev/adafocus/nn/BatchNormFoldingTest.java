package dev.adafocus.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.engine.Engine;
import dev.adafocus.engine.HostTensor;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.StateDicts;
import dev.adafocus.engine.Tensors;
import dev.adafocus.models.adafocus.AdaFocusConfig;
import dev.adafocus.models.adafocus.AdaFocusOutput;
import dev.adafocus.models.adafocus.AdaFocusV2;
import dev.adafocus.models.backbones.BackboneSpec;
import dev.adafocus.testing.Compare;
import dev.adafocus.testing.ParityFixture;
import dev.adafocus.testing.TinyModels;
import java.util.Map;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/** Folding BatchNorm into the preceding layers must not change what the model computes in eval mode. */
class BatchNormFoldingTest {
  static final double TOL = 1e-5;

  @Test
  void foldedTinyModelGivesTheSameOutputs() {
    Engine.seed(11);
    try (NativeScope s = NativeScope.open()) {
      AdaFocusV2 reference = new AdaFocusV2(TinyModels.tiny());
      randomiseBatchNorms(reference);
      AdaFocusV2 folded = copyOf(reference, TinyModels.tiny());
      int count = BatchNormFolding.fold(folded);
      assertEquals(batchNormCount(reference), count, "every BatchNorm of the tiny model follows a conv or linear layer");
      assertSameOutputs(reference, folded, video(TinyModels.tiny(), 2));
    }
  }

  @Test
  void foldedResNetFocusAndResNetGlanceGiveTheSameOutputs() {
    // BasicBlock/Bottleneck pairs, downsample Sequentials and the ResNet glance (the tiny model uses MobileNetV2)
    AdaFocusConfig c = new AdaFocusConfig(4, 2, 48, 24, new BackboneSpec("resnet50", 0.125), 32,
        new BackboneSpec("resnet18", 0.125), 8, 16, 0.2, 0.2);
    Engine.seed(12);
    try (NativeScope s = NativeScope.open()) {
      AdaFocusV2 reference = new AdaFocusV2(c);
      randomiseBatchNorms(reference);
      AdaFocusV2 folded = copyOf(reference, c);
      assertEquals(batchNormCount(reference), BatchNormFolding.fold(folded));
      assertSameOutputs(reference, folded, video(c, 2));
    }
  }

  @Test
  void foldedChannelsLastModelGivesTheSameOutputs() {
    Engine.seed(14);
    try (NativeScope s = NativeScope.open()) {
      AdaFocusV2 reference = new AdaFocusV2(TinyModels.tiny());
      randomiseBatchNorms(reference);
      AdaFocusV2 fast = copyOf(reference, TinyModels.tiny());
      BatchNormFolding.fold(fast);
      long convs = StateDicts.tensors(fast).values().stream().filter(t -> t.dim() == 4).count();
      assertEquals(convs, ChannelsLast.convert(fast));
      assertTrue(StateDicts.tensors(fast).get("local_CNN.conv1.weight").is_contiguous(torch.MemoryFormat.ChannelsLast));
      assertSameOutputs(reference, fast, video(TinyModels.tiny(), 2));
    }
  }

  @Test
  void foldedStateDictStillDescribesTheModel() {
    Engine.seed(13);
    try (NativeScope s = NativeScope.open()) {
      AdaFocusV2 reference = new AdaFocusV2(TinyModels.tiny());
      randomiseBatchNorms(reference);
      AdaFocusV2 folded = copyOf(reference, TinyModels.tiny());
      BatchNormFolding.fold(folded);
      AdaFocusV2 reloaded = copyOf(folded, TinyModels.tiny());
      assertSameOutputs(reference, reloaded, video(TinyModels.tiny(), 1));
    }
  }

  @Test
  void foldedModelRefusesToTrain() {
    try (NativeScope s = NativeScope.open()) {
      AdaFocusV2 folded = new AdaFocusV2(TinyModels.tiny());
      BatchNormFolding.fold(folded);
      assertEquals(0, BatchNormFolding.fold(folded), "folding twice folds nothing more");
      folded.train(true);
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> folded.forward(video(TinyModels.tiny(), 2)));
      assertTrue(e.getMessage().contains("folded"), e.getMessage());
    }
  }

  @Test
  void foldedOfficialModelStillMatchesTheOfficialOutputs() throws Exception {
    ParityFixture fx = new ParityFixture("actnet_mbv2_p128_T4");
    AdaFocusV2 model = new AdaFocusV2(AdaFocusConfig.officialMobileNet(fx.arg("patch_size"), fx.arg("num_classes"), fx.arg("num_segments")));
    StateDicts.load(model, fx.stateDict, "fixture", k -> false);
    assertEquals(batchNormCount(model), BatchNormFolding.fold(model));
    try (NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard()) {
      AdaFocusOutput o = model.forward(Tensors.fromHost(fx.input));
      Compare.assertClose("actions (folded)", fx.outputs.get("actions"), o.actions(), 2e-3);
      Compare.assertClose("cat_logits (folded)", fx.outputs.get("cat_logits"), o.stepLogits().reshape(-1, o.stepLogits().size(2)), 2e-3);
    }
  }

  /** Gives every BatchNorm non-trivial statistics and affine parameters (a fresh one is the identity). */
  static void randomiseBatchNorms(AdaFocusV2 model) {
    try (NoGradGuard g = new NoGradGuard()) {
      for (Map.Entry<String, Tensor> e : StateDicts.tensors(model).entrySet()) {
        String name = e.getKey();
        Tensor t = e.getValue();
        if (name.endsWith("running_var")) {
          t.uniform_(0.3, 2.0, new GeneratorOptional());
        } else if (name.endsWith("running_mean")) {
          t.normal_(0, 0.3, new GeneratorOptional());
        } else if (t.dim() == 1 && name.endsWith("weight")) {
          t.uniform_(0.5, 1.5, new GeneratorOptional());
        } else if (t.dim() == 1 && name.endsWith("bias")) {
          t.normal_(0, 0.2, new GeneratorOptional());
        }
      }
    }
  }

  static AdaFocusV2 copyOf(AdaFocusV2 source, AdaFocusConfig config) {
    Map<String, HostTensor> state = StateDicts.export(source);
    AdaFocusV2 copy = new AdaFocusV2(config);
    StateDicts.load(copy, state, "copy", k -> false);
    return copy;
  }

  static long batchNormCount(AdaFocusV2 model) {
    return StateDicts.tensors(model).keySet().stream().filter(k -> k.endsWith("running_var")).count();
  }

  static Tensor video(AdaFocusConfig c, long batch) {
    return torch.randn(new long[] {batch, 3L * c.frames(), c.inputSize(), c.inputSize()}, new TensorOptions(torch.ScalarType.Float));
  }

  static void assertSameOutputs(AdaFocusV2 reference, AdaFocusV2 folded, Tensor video) {
    reference.eval();
    folded.eval();
    try (NoGradGuard g = new NoGradGuard()) {
      AdaFocusOutput a = reference.forward(video);
      AdaFocusOutput b = folded.forward(video);
      Compare.assertClose("actions", Tensors.toHost(a.actions()), b.actions(), TOL);
      Compare.assertClose("step logits", Tensors.toHost(a.stepLogits()), b.stepLogits(), TOL);
      Compare.assertClose("glance logits", Tensors.toHost(a.glanceLogits()), b.glanceLogits(), TOL);
      Compare.assertClose("focus logits", Tensors.toHost(a.focusLogits()), b.focusLogits(), TOL);
    }
  }
}
