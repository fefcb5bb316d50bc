package dev.adafocus.nn;

import static dev.adafocus.nn.BatchNormFoldingTest.assertSameOutputs;
import static dev.adafocus.nn.BatchNormFoldingTest.batchNormCount;
import static dev.adafocus.nn.BatchNormFoldingTest.copyOf;
import static dev.adafocus.nn.BatchNormFoldingTest.randomiseBatchNorms;
import static dev.adafocus.nn.BatchNormFoldingTest.video;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.engine.Engine;
import dev.adafocus.engine.FusedConvolution;
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
import org.bytedeco.pytorch.InferenceMode;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.MemoryFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fusing activations into convolutions must not change what the model computes in eval mode. */
class ActivationFusionTest {
  // conv + ReLU6 pairs of MobileNetV2: the stem, the first block's depthwise conv, expansion and depthwise conv of the
  // 16 other blocks, the last 1x1 conv
  private static final int MOBILENET_V2_FUSED = 1 + 1 + 2 * 16 + 1;

  @BeforeEach
  void fuseEvenTheSmallConvolutionsOfTheseTinyModels() {
    FusedConvolution.setMinimumElements(0);
  }

  @AfterEach
  void restoreTheSizeRule() {
    FusedConvolution.setMinimumElements(FusedConvolution.DEFAULT_MINIMUM_ELEMENTS);
  }

  @Test
  void smallInputsRunUnfused() {
    FusedConvolution.setMinimumElements(FusedConvolution.DEFAULT_MINIMUM_ELEMENTS);
    try (NoGradGuard g = new NoGradGuard()) {
      assertFalse(FusedConvolution.worthwhile(torch.randn(8, 32, 8, 8)), "the fixed cost per call outweighs the saving");
      assertTrue(FusedConvolution.worthwhile(torch.randn(8, 128, 32, 32)));
    }
  }

  @Test
  void fusedOperatorsComputeTheConvolutionAndItsEpilogue() {
    Engine.seed(21);
    assertTrue(FusedConvolution.available(), "the CPU build of libtorch has oneDNN's fused convolutions");
    try (NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard()) {
      for (MemoryFormat layout : new MemoryFormat[] {MemoryFormat.Contiguous, MemoryFormat.ChannelsLast}) {
        Tensor x = torch.randn(2, 8, 9, 9).contiguous(layout);
        // a strided 3x3 conv, a depthwise conv and a 1x1 conv, with and without bias
        checkConv(x, torch.randn(6, 8, 3, 3).contiguous(layout), torch.randn(6), 2, 1, 1);
        checkConv(x, torch.randn(8, 1, 3, 3).contiguous(layout), torch.randn(8), 1, 1, 8);
        checkConv(x, torch.randn(4, 8, 1, 1).contiguous(layout), null, 1, 0, 1);
        Tensor w = torch.randn(8, 8, 1, 1).contiguous(layout);
        Tensor b = torch.randn(8);
        Tensor residual = torch.randn(2, 8, 9, 9).contiguous(layout);
        Tensor expected = torch.relu(reference(x, w, b, 1, 0, 1).add(residual));
        Tensor fused = FusedConvolution.convAdd(x, residual, w, b, 1, 0, 1, FusedConvolution.Activation.RELU);
        Compare.assertClose("conv + residual + relu", Tensors.toHost(expected), fused, 1e-5);
        assertTrue(torch.min(fused).item_double() >= 0);
      }
      Tensor single = torch.randn(2, 8, 1, 1).contiguous(MemoryFormat.ChannelsLast);
      assertTrue(FusedConvolution.supportsSum(single, torch.randn(2, 8, 1, 2)));
      assertFalse(FusedConvolution.supportsSum(single, torch.randn(2, 8, 1, 1)), "a 1x1 sum operand is refused by oneDNN");
    }
  }

  @Test
  void fusedOperatorsAreOnlyUsedWithoutGradients() {
    Tensor x = torch.randn(1, 2, 4, 4);
    assertFalse(FusedConvolution.supports(x), "they have no backward");
    try (NoGradGuard g = new NoGradGuard()) {
      assertTrue(FusedConvolution.supports(x));
      assertFalse(FusedConvolution.supports(x.to(torch.ScalarType.Double)));
    }
  }

  @Test
  void fusedTinyModelGivesTheSameOutputs() {
    Engine.seed(22);
    try (NativeScope s = NativeScope.open()) {
      AdaFocusV2 reference = new AdaFocusV2(TinyModels.tiny());
      randomiseBatchNorms(reference);
      AdaFocusV2 fast = copyOf(reference, TinyModels.tiny());
      BatchNormFolding.fold(fast);
      ChannelsLast.convert(fast);
      // MobileNetV2 glance + ResNet-10 focus (stem and two convs in each of its four basic blocks)
      assertEquals(MOBILENET_V2_FUSED + 1 + 4 * 2, ActivationFusion.fuse(fast));
      assertEquals(0, ActivationFusion.fuse(fast), "fusing twice fuses nothing more");
      assertSameOutputs(reference, fast, video(TinyModels.tiny(), 2));
    }
  }

  @Test
  void fusedResNetFocusAndResNetGlanceGiveTheSameOutputs() {
    // bottlenecks (three fused convs each, the last with the residual sum) and basic blocks, NCHW this time
    AdaFocusConfig c = new AdaFocusConfig(4, 2, 48, 24, new BackboneSpec("resnet50", 0.125), 32,
        new BackboneSpec("resnet18", 0.125), 8, 16, 0.2, 0.2);
    Engine.seed(23);
    try (NativeScope s = NativeScope.open()) {
      AdaFocusV2 reference = new AdaFocusV2(c);
      randomiseBatchNorms(reference);
      AdaFocusV2 fast = copyOf(reference, c);
      BatchNormFolding.fold(fast);
      assertEquals((1 + 16 * 3) + (1 + 8 * 2), ActivationFusion.fuse(fast));
      assertSameOutputs(reference, fast, video(c, 2));
    }
  }

  @Test
  void unfoldedModelHasNothingToFuse() {
    try (NativeScope s = NativeScope.open()) {
      assertEquals(0, ActivationFusion.fuse(new AdaFocusV2(TinyModels.tiny())), "the BatchNorms sit between");
    }
  }

  @Test
  void fusedModelRefusesToTrainAndRunsUnfusedWhenGradientsAreOn() {
    Engine.seed(24);
    try (NativeScope s = NativeScope.open()) {
      AdaFocusV2 reference = new AdaFocusV2(TinyModels.tiny());
      randomiseBatchNorms(reference);
      AdaFocusV2 fast = copyOf(reference, TinyModels.tiny());
      BatchNormFolding.fold(fast);
      ActivationFusion.fuse(fast);
      reference.eval();
      Tensor v = video(TinyModels.tiny(), 1);
      // eval mode with gradients on: the same layers, computed unfused
      Tensor expected = reference.forward(v).stepLogits();
      Compare.assertClose("step logits with gradients on", Tensors.toHost(expected), fast.forward(v).stepLogits(), 1e-5);
      fast.train(true);
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> fast.forward(v));
      assertTrue(e.getMessage().contains("fused") || e.getMessage().contains("folded"), e.getMessage());
    }
  }

  @Test
  void fusedOfficialModelStillMatchesTheOfficialOutputs() throws Exception {
    ParityFixture fx = new ParityFixture("actnet_mbv2_p128_T4");
    AdaFocusV2 model = new AdaFocusV2(AdaFocusConfig.officialMobileNet(fx.arg("patch_size"), fx.arg("num_classes"), fx.arg("num_segments")));
    StateDicts.load(model, fx.stateDict, "fixture", k -> false);
    assertEquals(batchNormCount(model), BatchNormFolding.fold(model));
    ChannelsLast.convert(model);
    assertEquals(MOBILENET_V2_FUSED + 1 + 16 * 3, ActivationFusion.fuse(model), "MobileNetV2 glance, ResNet-50 focus");
    try (NativeScope s = NativeScope.open(); InferenceMode g = new InferenceMode()) {
      AdaFocusOutput o = model.forward(Tensors.fromHost(fx.input));
      Compare.assertClose("actions (fused)", fx.outputs.get("actions"), o.actions(), 2e-3);
      Compare.assertClose("cat_logits (fused)", fx.outputs.get("cat_logits"), o.stepLogits().reshape(-1, o.stepLogits().size(2)), 2e-3);
    }
  }

  private static void checkConv(Tensor x, Tensor w, Tensor b, long stride, long padding, long groups) {
    Tensor plain = reference(x, w, b, stride, padding, groups);
    Compare.assertClose("conv", Tensors.toHost(plain),
        FusedConvolution.conv(x, w, b, stride, padding, groups, FusedConvolution.Activation.NONE), 1e-5);
    Compare.assertClose("conv + relu", Tensors.toHost(torch.relu(plain)),
        FusedConvolution.conv(x, w, b, stride, padding, groups, FusedConvolution.Activation.RELU), 1e-5);
    Compare.assertClose("conv + relu6", Tensors.toHost(torch.hardtanh(plain, new Scalar(0.0), new Scalar(6.0))),
        FusedConvolution.conv(x, w, b, stride, padding, groups, FusedConvolution.Activation.RELU6), 1e-5);
  }

  private static Tensor reference(Tensor x, Tensor w, Tensor b, long stride, long padding, long groups) {
    return torch.conv2d(x, w, b == null ? new TensorOptional() : new TensorOptional(b), new long[] {stride, stride},
        new long[] {padding, padding}, new long[] {1, 1}, groups);
  }
}
