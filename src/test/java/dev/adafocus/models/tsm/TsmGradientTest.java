package dev.adafocus.models.tsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.engine.Engine;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.StateDicts;
import dev.adafocus.engine.Tensors;
import dev.adafocus.testing.GradientCheck;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.Test;

/**
 * Where each loss term sends its gradient: the final ({@code new_fc}) heads are linear probes that train neither the
 * backbones nor the policy; the auxiliary ({@code new_new_fc}) heads train both backbones, and the focus one the
 * policy through the crop. Also float32 against float64 gradients on this CPU.
 */
class TsmGradientTest {
  private static Tensor targets() {
    return Tensors.longs(new long[] {0, 3, 1}, 3);
  }

  /** Sum of |grad| by parameter group. */
  private static Map<String, Double> gradientByGroup(AdaFocusV2Tsm model) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String g : new String[] {"global_CNN.base_model.", "global_CNN.new_fc.", "global_CNN.new_new_fc.",
        "local_CNN.base_model.", "local_CNN.new_fc.", "local_CNN.new_new_fc.", "policy_stn."}) {
      out.put(g, 0.0);
    }
    for (var e : StateDicts.tensors(model).entrySet()) {
      Tensor g = e.getValue().grad();
      if (g.defined()) {
        out.replaceAll((group, sum) -> e.getKey().startsWith(group) ? sum + g.abs().sum().item_double() : sum);
      }
    }
    return out;
  }

  private static TsmOutput policyBranch(AdaFocusV2Tsm model) {
    model.train(true);
    model.zero_grad(true);
    return model.forwardTraining(TinyTsm.glance(3), TinyTsm.focus(3))[1];
  }

  @Test
  void finalHeadsTrainNeitherBackbonesNorPolicy() {
    Engine.seed(11);
    try (AdaFocusV2Tsm model = new AdaFocusV2Tsm(TinyTsm.config()); NativeScope s = NativeScope.open()) {
      TsmOutput o = policyBranch(model);
      torch.cross_entropy_loss(o.prediction(), targets()).backward();
      Map<String, Double> g = gradientByGroup(model);
      assertTrue(g.get("global_CNN.new_fc.") > 0, "glance new_fc must train: " + g);
      assertTrue(g.get("local_CNN.new_fc.") > 0, "focus new_fc must train: " + g);
      for (String frozen : new String[] {"global_CNN.base_model.", "local_CNN.base_model.", "policy_stn.",
          "global_CNN.new_new_fc.", "local_CNN.new_new_fc."}) {
        assertEquals(0.0, g.get(frozen), frozen + " got a gradient from the final prediction");
      }
    }
  }

  @Test
  void auxiliaryHeadsTrainBackbonesAndTheFocusOneThePolicy() {
    Engine.seed(12);
    try (AdaFocusV2Tsm model = new AdaFocusV2Tsm(TinyTsm.config()); NativeScope s = NativeScope.open()) {
      TsmOutput o = policyBranch(model);
      torch.cross_entropy_loss(o.glanceAux(), targets()).backward();
      Map<String, Double> glance = gradientByGroup(model);
      assertTrue(glance.get("global_CNN.base_model.") > 0, "glance aux must train the glance backbone");
      assertEquals(0.0, glance.get("policy_stn."), "the policy's input is detached");
      assertEquals(0.0, glance.get("local_CNN.base_model."));

      o = policyBranch(model);
      torch.cross_entropy_loss(o.focusAux(), targets()).backward();
      Map<String, Double> focus = gradientByGroup(model);
      assertTrue(focus.get("local_CNN.base_model.") > 0, "focus aux must train the focus backbone");
      assertTrue(focus.get("policy_stn.") > 0, "focus aux must train the policy through the crop");
      assertEquals(0.0, focus.get("global_CNN.base_model."), "no gradient reaches the glance through the policy");
      assertEquals(0.0, focus.get("global_CNN.new_fc.") + focus.get("local_CNN.new_fc."));
    }
  }

  @Test
  void randomBranchDoesNotTrainThePolicy() {
    Engine.seed(13);
    try (AdaFocusV2Tsm model = new AdaFocusV2Tsm(TinyTsm.config()); NativeScope s = NativeScope.open()) {
      model.train(true);
      TsmOutput random = model.forwardTraining(TinyTsm.glance(3), TinyTsm.focus(3))[0];
      torch.cross_entropy_loss(random.focusAux(), targets()).backward();
      Map<String, Double> g = gradientByGroup(model);
      assertTrue(g.get("local_CNN.base_model.") > 0);
      assertEquals(0.0, g.get("policy_stn."));
    }
  }

  @Test
  void float32GradientsMatchFloat64OnThisCpu() {
    Engine.seed(14);
    try (AdaFocusV2Tsm model = new AdaFocusV2Tsm(TinyTsm.config()); NativeScope s = NativeScope.open()) {
      model.eval(); // fixed BN statistics and no dropout: both precisions compute the same function
      Tensor glance = TinyTsm.glance(2);
      Tensor focus = TinyTsm.focus(2);
      Map<String, double[]> g32 = GradientCheck.gradients(model, () -> lossOf(model, glance, focus));
      model.to(ScalarType.Double, false);
      Tensor glance64 = glance.to(ScalarType.Double);
      Tensor focus64 = focus.to(ScalarType.Double);
      Map<String, double[]> g64 = GradientCheck.gradients(model, () -> lossOf(model, glance64, focus64));
      int checked = GradientCheck.assertFloat32MatchesFloat64(g32, g64, 2e-3);
      assertTrue(g64.containsKey("policy_stn.0.weight") && checked > 40, "too few gradients checked: " + checked);
    }
  }

  /** A loss reaching every parameter (the aux terms train the backbones and the policy). */
  private static Tensor lossOf(AdaFocusV2Tsm model, Tensor glance, Tensor focus) {
    TsmOutput o = model.forward(glance, focus);
    Scalar two = new Scalar(2);
    return o.prediction().pow(two).mean().add(o.glanceAux().pow(two).mean()).add(o.focusAux().pow(two).mean());
  }
}
