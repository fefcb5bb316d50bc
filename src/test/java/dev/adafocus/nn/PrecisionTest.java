package dev.adafocus.nn;

import static dev.adafocus.nn.BatchNormFoldingTest.copyOf;
import static dev.adafocus.nn.BatchNormFoldingTest.randomiseBatchNorms;
import static dev.adafocus.nn.BatchNormFoldingTest.video;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.engine.Engine;
import dev.adafocus.engine.FusedConvolution;
import dev.adafocus.engine.HostTensor;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.StateDicts;
import dev.adafocus.engine.Tensors;
import dev.adafocus.models.adafocus.AdaFocusConfig;
import dev.adafocus.models.adafocus.AdaFocusOutput;
import dev.adafocus.models.adafocus.AdaFocusV2;
import dev.adafocus.testing.Compare;
import dev.adafocus.testing.ParityFixture;
import dev.adafocus.testing.TinyModels;
import java.util.Map;
import org.bytedeco.pytorch.InferenceMode;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bfloat16 backbones: only the CNNs change format, outputs stay float32 and close to the float32 model's. */
class PrecisionTest {
  /** Largest relative error (max |Δ| / max |ref|) accepted for the tiny models (measured: at most 1.2 %). */
  private static final double TINY_TOL = 0.05;

  @AfterEach
  void restoreTheFusionSizeRule() {
    FusedConvolution.setMinimumElements(FusedConvolution.DEFAULT_MINIMUM_ELEMENTS);
  }

  @Test
  void bfloat16BackbonesWithFusedConvolutionsStayCloseToFloat32() {
    FusedConvolution.setMinimumElements(0);
    assertBfloat16CloseToFloat32(InferenceOptimisation.FAST, 41);
  }

  @Test
  void bfloat16BackbonesWithUnfoldedBatchNormsStayCloseToFloat32() {
    assertBfloat16CloseToFloat32(InferenceOptimisation.PLAIN, 42);
  }

  @Test
  void bfloat16BackbonesWithFoldedButUnfusedConvolutionsStayCloseToFloat32() {
    assertBfloat16CloseToFloat32(InferenceOptimisation.UNFUSED, 43);
  }

  @Test
  void float32LeavesTheModelAsItIs() {
    Engine.seed(44);
    try (NativeScope s = NativeScope.open()) {
      AdaFocusV2 reference = new AdaFocusV2(TinyModels.tiny());
      AdaFocusV2 same = copyOf(reference, TinyModels.tiny());
      reference.eval();
      same.eval();
      Precision.FLOAT32.apply(same);
      StateDicts.tensors(same).values().stream().filter(Tensor::is_floating_point)
          .forEach(t -> assertEquals(ScalarType.Float.value, t.scalar_type().value));
      Tensor v = video(TinyModels.tiny(), 2);
      try (InferenceMode g = new InferenceMode()) {
        assertEquals(0.0, relativeError(reference.forward(v).stepLogits(), same.forward(v).stepLogits()));
      }
    }
  }

  @Test
  void aTrainingModelIsRefused() {
    AdaFocusV2 model = new AdaFocusV2(TinyModels.tiny());
    model.train(true);
    assertThrows(IllegalStateException.class, () -> Precision.BFLOAT16.apply(model));
  }

  @Test
  void labelsParseBackCaseInsensitively() {
    for (Precision p : Precision.values()) {
      assertEquals(p, Precision.parse(p.label().toUpperCase(java.util.Locale.ROOT)));
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Precision.parse("fp16"));
    assertTrue(e.getMessage().contains("fp16") && e.getMessage().contains("bf16"), e.getMessage());
  }

  /**
   * The official fixture's backbones, stage by stage: the patch locations the policy picks from bfloat16 glance features
   * move by a few per cent on these untrained weights, and the logits with them, so the stages are compared on the
   * fixture's own inputs (measured: focus 0.5 %, glance 5 %).
   */
  @Test
  void bfloat16OfficialBackbonesStayCloseToTheOfficialFeatures() throws Exception {
    ParityFixture fx = new ParityFixture("actnet_mbv2_p128_T4");
    AdaFocusV2 model = new AdaFocusV2(AdaFocusConfig.officialMobileNet(fx.arg("patch_size"), fx.arg("num_classes"), fx.arg("num_segments")));
    StateDicts.load(model, fx.stateDict, "fixture", k -> false);
    InferenceOptimisation.FAST.apply(model);
    Precision.BFLOAT16.apply(model);
    try (NativeScope s = NativeScope.open(); InferenceMode g = new InferenceMode()) {
      Tensor input = Tensors.fromHost(fx.input);
      Tensor local = model.focus().forward(Tensors.fromHost(fx.outputs.get("patches")));
      assertInBf16Range("local_feat", fx.outputs.get("local_feat"), local, 0.02);
      Tensor global = model.glance().forward(input.reshape(-1, 3, input.size(2), input.size(3))).vector();
      assertInBf16Range("global_feat", fx.outputs.get("global_feat"), global, 0.10);
      Tensor logits = model.forward(input).stepLogits();
      assertEquals(ScalarType.Float.value, logits.scalar_type().value, "the classifier stays float32");
      assertTrue(torch.isfinite(logits).all().item_bool(), "finite logits");
    }
  }

  /** Builds the tiny model twice, prepares both with {@code optimisation}, turns one to bfloat16 and compares. */
  private static void assertBfloat16CloseToFloat32(InferenceOptimisation optimisation, long seed) {
    Engine.seed(seed);
    try (NativeScope s = NativeScope.open()) {
      AdaFocusV2 reference = new AdaFocusV2(TinyModels.tiny());
      randomiseBatchNorms(reference);
      AdaFocusV2 reduced = copyOf(reference, TinyModels.tiny());
      optimisation.apply(reference);
      optimisation.apply(reduced);
      Precision.BFLOAT16.apply(reduced);
      for (Map.Entry<String, Tensor> e : StateDicts.tensors(reduced).entrySet()) {
        if (!e.getValue().is_floating_point()) {
          continue; // BatchNorm's num_batches_tracked counters
        }
        boolean backbone = e.getKey().startsWith("global_CNN.") || e.getKey().startsWith("local_CNN.");
        ScalarType expected = backbone ? ScalarType.BFloat16 : ScalarType.Float;
        assertEquals(expected.value, e.getValue().scalar_type().value, e.getKey());
      }
      Tensor v = video(TinyModels.tiny(), 2);
      try (org.bytedeco.javacpp.Pointer g = optimisation.enter()) {
        AdaFocusOutput a = reference.forward(v);
        AdaFocusOutput b = reduced.forward(v);
        assertEquals(ScalarType.Float.value, b.stepLogits().scalar_type().value);
        assertInBf16Range("actions", Tensors.toHost(a.actions()), b.actions(), TINY_TOL);
        assertInBf16Range("step logits", Tensors.toHost(a.stepLogits()), b.stepLogits(), TINY_TOL);
        assertInBf16Range("glance logits", Tensors.toHost(a.glanceLogits()), b.glanceLogits(), TINY_TOL);
        assertInBf16Range("focus logits", Tensors.toHost(a.focusLogits()), b.focusLogits(), TINY_TOL);
      }
    }
  }

  /** Close to the float32 result, yet not identical to it (so the backbones did compute in bfloat16). */
  private static void assertInBf16Range(String what, HostTensor float32, Tensor bf16, double tol) {
    Compare.assertClose(what, float32, bf16, tol);
    double err = Compare.relError(Tensors.toFloats(bf16), float32.toFloats());
    assertTrue(err > 0, what + ": identical to float32, so the backbones did not run in bfloat16");
  }

  private static double relativeError(Tensor ref, Tensor ours) {
    return Compare.relError(Tensors.toFloats(ours), Tensors.toFloats(ref));
  }
}
