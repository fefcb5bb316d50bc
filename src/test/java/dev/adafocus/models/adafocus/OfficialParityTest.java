package dev.adafocus.models.adafocus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adafocus.engine.Engine;
import dev.adafocus.engine.HostTensor;
import dev.adafocus.engine.LoadReport;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.StateDicts;
import dev.adafocus.engine.Tensors;
import dev.adafocus.testing.Compare;
import dev.adafocus.testing.ParityFixture;
import java.util.Map;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the official AdaFocusV2 code's outputs (shared/fixtures/actnet_mbv2_p128_T4): ActivityNet setting,
 * MobileNetV2 glance + ResNet-50 focus, P = 128, T = 4, deterministic weights and input.
 */
class OfficialParityTest {
  static final double STAGE_TOL = 1e-4;
  static final double END_TO_END_TOL = 2e-3;

  static ParityFixture fx;
  static AdaFocusV2 model;
  static Tensor input;
  static NativeScope scope;

  @BeforeAll
  static void build() throws Exception {
    Engine.init();
    fx = new ParityFixture("actnet_mbv2_p128_T4");
    model = new AdaFocusV2(AdaFocusConfig.officialMobileNet(fx.arg("patch_size"), fx.arg("num_classes"), fx.arg("num_segments")));
    LoadReport r = StateDicts.load(model, fx.stateDict, "fixture", k -> false);
    assertEquals(fx.stateDict.size(), r.loaded().size(), "every fixture tensor has a model tensor of its name");
    model.eval();
    scope = NativeScope.open();
    input = Tensors.fromHost(fx.input);
  }

  @AfterAll
  static void free() {
    scope.close();
  }

  @Test
  void weightRuleReproducesTheSpecProbes() {
    for (String name : new String[] {"global_CNN.features.0.0.weight", "policy_stn.gru.weight_ih_l0", "classifier.mlp.layers.1.running_var"}) {
      var e = fx.entry(name);
      float[] v = fx.stateDict.get(name).toFloats();
      var probe = e.getAsJsonArray("probe_first4");
      for (int i = 0; i < probe.size(); i++) {
        assertEquals(probe.get(i).getAsFloat(), v[i], 0f, name + "[" + i + "]");
      }
      double sum = 0;
      for (float x : v) {
        sum += x;
      }
      assertEquals(e.get("probe_sum_f64").getAsDouble(), sum, 1e-6 * Math.max(1, Math.abs(sum)), name + " sum");
    }
    var in = fx.spec.getAsJsonObject("input").getAsJsonArray("probe_first4");
    float[] x = fx.input.toFloats();
    for (int i = 0; i < in.size(); i++) {
      assertEquals(in.get(i).getAsFloat(), x[i], 0f);
    }
  }

  @Test
  void glanceStageMatches() {
    try (NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard()) {
      GlanceNetwork.Output out = model.glance().forward(model.framesOf(input));
      Compare.assertClose("global_feat", out("global_feat"), out.vector(), STAGE_TOL);
      Compare.assertClose("global_logits", out("global_logits"), model.glance().auxLogits(out.vector()), STAGE_TOL);
      Compare.assertClose("global_featmap_sum_per_frame", out("global_featmap_sum_per_frame"),
          out.map().sum(new long[] {1, 2, 3}, false, new org.bytedeco.pytorch.ScalarTypeOptional()), STAGE_TOL);
    }
  }

  @Test
  void policyStageMatches() {
    try (NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard()) {
      GlanceNetwork.Output out = model.glance().forward(model.framesOf(input));
      Tensor actions = model.policy().forward(out.map(), fx.arg("num_segments"));
      Compare.assertClose("actions", out("actions"), actions, STAGE_TOL);
      int p = fx.arg("patch_size");
      Tensor centres = actions.mul(new Scalar(224 - p)).add(new Scalar(p / 2.0));
      Compare.assertClose("patch_centres_px", out("patch_centres_px"), centres, STAGE_TOL);
    }
  }

  @Test
  void cropStageMatches() {
    try (NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard()) {
      Tensor patches = PatchCrop.crop(model.framesOf(input), Tensors.fromHost(out("actions")), fx.arg("patch_size"));
      Compare.assertClose("patches", out("patches"), patches, STAGE_TOL);
    }
  }

  @Test
  void focusStageMatches() {
    try (NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard()) {
      Tensor local = model.focus().forward(Tensors.fromHost(out("patches")));
      Compare.assertClose("local_feat", out("local_feat"), local, STAGE_TOL);
      Compare.assertClose("local_logits", out("local_logits"), model.focus().auxLogits(local), STAGE_TOL);
    }
  }

  @Test
  void classifierStageMatches() {
    try (NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard()) {
      Tensor feats = torch.cat(new TensorVector(Tensors.fromHost(out("global_feat")), Tensors.fromHost(out("local_feat"))), 1);
      Tensor steps = model.classifier().forward(feats, fx.arg("num_segments"));
      Compare.assertClose("cat_logits", out("cat_logits"), steps.reshape(-1, steps.size(2)), STAGE_TOL);
      Compare.assertClose("cat_pred", out("cat_pred"), steps.select(1, steps.size(1) - 1), STAGE_TOL);
    }
  }

  @Test
  void endToEndMatches() {
    try (NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard()) {
      AdaFocusOutput o = model.forward(input);
      Map<String, Tensor> ours = Map.of(
          "actions", o.actions(), "patches", o.patches(), "global_logits", o.glanceLogits(),
          "local_logits", o.focusLogits(), "cat_logits", o.stepLogits().reshape(-1, o.stepLogits().size(2)),
          "cat_pred", o.prediction());
      for (var e : ours.entrySet()) {
        Compare.assertClose(e.getKey() + " (end to end)", out(e.getKey()), e.getValue(), END_TO_END_TOL);
      }
    }
  }

  private static HostTensor out(String name) {
    return fx.outputs.get(name);
  }
}
