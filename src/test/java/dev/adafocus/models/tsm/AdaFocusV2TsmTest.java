package dev.adafocus.models.tsm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.engine.Engine;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.StateDicts;
import dev.adafocus.engine.Tensors;
import dev.adafocus.models.adafocus.PatchCrop;
import dev.adafocus.models.adafocus.PatchPolicy;
import java.util.Map;
import java.util.Set;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/** Shapes, official key names, one location per video and the composition of the final prediction. */
class AdaFocusV2TsmTest {
  @Test
  void outputShapesAndOneLocationPerVideo() {
    Engine.seed(1);
    TsmConfig c = TinyTsm.config();
    try (AdaFocusV2Tsm model = new AdaFocusV2Tsm(c); NativeScope s = NativeScope.open()) {
      model.eval();
      TsmOutput o = model.forward(TinyTsm.glance(2), TinyTsm.focus(2));
      assertArrayEquals(new long[] {2, c.numClasses()}, Tensors.shape(o.prediction()));
      assertArrayEquals(new long[] {2, c.numClasses()}, Tensors.shape(o.glanceAux()));
      assertArrayEquals(new long[] {2, c.numClasses()}, Tensors.shape(o.focusAux()));
      assertArrayEquals(new long[] {2, 2}, Tensors.shape(o.actions()));
      assertArrayEquals(new long[] {2L * c.focusFrames(), 3, c.patchSize(), c.patchSize()}, Tensors.shape(o.patches()));
      for (float a : Tensors.toFloats(o.actions())) {
        assertTrue(a > 0 && a < 1, "action outside (0, 1): " + a);
      }
    }
  }

  @Test
  void everyFocusFrameOfAVideoIsCutAtTheSameLocation() {
    Engine.seed(2);
    TsmConfig c = TinyTsm.config();
    try (AdaFocusV2Tsm model = new AdaFocusV2Tsm(c); NativeScope s = NativeScope.open()) {
      model.eval();
      Tensor focus = TinyTsm.focus(2);
      TsmOutput o = model.forward(TinyTsm.glance(2), focus);
      Tensor frames = focus.reshape(2L * c.focusFrames(), 3, c.inputSize(), c.inputSize());
      Tensor perFrameActions = o.actions().repeat_interleave(c.focusFrames(), new org.bytedeco.pytorch.LongOptional(0), new org.bytedeco.pytorch.LongOptional());
      Tensor expected = PatchCrop.crop(frames, perFrameActions, c.patchSize());
      assertEquals(0.0, expected.sub(o.patches()).abs().max().item_double(), 1e-6);
    }
  }

  @Test
  void predictionIsGlancePlusFocusConsensusOfTheNewFcHeads() {
    Engine.seed(3);
    TsmConfig c = TinyTsm.config();
    try (AdaFocusV2Tsm model = new AdaFocusV2Tsm(c); NativeScope s = NativeScope.open()) {
      model.eval();
      Tensor glanceVideo = TinyTsm.glance(2);
      TsmOutput o = model.forward(glanceVideo, TinyTsm.focus(2), PatchPolicy.CENTRE);
      TsnNetwork.Output g = model.glance().forward(glanceVideo.reshape(2L * c.glanceFrames(), 3, c.inputSize(), c.inputSize()));
      TsnNetwork.Output l = model.focus().forward(o.patches());
      assertEquals(0.0, g.logits().add(l.logits()).sub(o.prediction()).abs().max().item_double(), 1e-6);
      assertEquals(0.0, l.auxLogits().sub(o.focusAux()).abs().max().item_double(), 1e-6);
      assertFalse(g.logits().equal(g.auxLogits()), "new_fc and new_new_fc are separate heads");
      // TSN consensus: the mean of the per-frame new_fc logits of each video
      Tensor features = g.maps().mean(new long[] {2, 3}, false, new org.bytedeco.pytorch.ScalarTypeOptional());
      Map<String, Tensor> p = StateDicts.tensors(model);
      Tensor perFrame = torch.linear(features, p.get("global_CNN.new_fc.weight"), new org.bytedeco.pytorch.TensorOptional(p.get("global_CNN.new_fc.bias")));
      Tensor mean = perFrame.view(2, c.glanceFrames(), c.numClasses()).mean(new long[] {1}, false, new org.bytedeco.pytorch.ScalarTypeOptional());
      assertEquals(0.0, mean.sub(g.logits()).abs().max().item_double(), 1e-6);
      assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, Tensors.toFloats(o.actions()));
    }
  }

  @Test
  void trainingGivesARandomAndAPolicyBranch() {
    Engine.seed(4);
    TsmConfig c = TinyTsm.config();
    try (AdaFocusV2Tsm model = new AdaFocusV2Tsm(c); NativeScope s = NativeScope.open()) {
      model.train(true);
      TsmOutput[] branches = model.forwardTraining(TinyTsm.glance(3), TinyTsm.focus(3));
      assertEquals(2, branches.length);
      assertArrayEquals(new long[] {3, 2}, Tensors.shape(branches[0].actions()));
      assertFalse(branches[0].actions().requires_grad(), "the random branch's locations are constants");
      assertTrue(branches[1].actions().requires_grad(), "the policy branch's locations carry the policy's gradient");
      TsmLoss.Terms loss = TsmLoss.compute(branches, Tensors.longs(new long[] {0, 1, 2}, 3));
      assertEquals((loss.prediction() + loss.glance() + loss.focus()), loss.total().item_double(), 1e-5);
      assertTrue(Double.isFinite(loss.total().item_double()));
    }
  }

  @Test
  void officialStateDictKeys() {
    try (AdaFocusV2Tsm model = new AdaFocusV2Tsm(TsmConfig.official(174, 128))) {
      Map<String, Tensor> t = StateDicts.tensors(model);
      Set<String> keys = t.keySet();
      for (String k : new String[] {
          "global_CNN.base_model.features.0.0.weight",
          "global_CNN.base_model.features.3.conv.0.net.weight",
          "global_CNN.base_model.features.2.conv.0.weight",
          "global_CNN.base_model.features.18.1.running_var",
          "global_CNN.new_fc.weight", "global_CNN.new_new_fc.bias",
          "local_CNN.base_model.conv1.weight",
          "local_CNN.base_model.layer1.0.conv1.net.weight",
          "local_CNN.base_model.layer4.2.conv1.net.weight",
          "local_CNN.base_model.layer3.0.downsample.1.num_batches_tracked",
          "local_CNN.new_fc.weight", "local_CNN.new_new_fc.weight",
          "policy_stn.0.weight", "policy_stn.1.running_mean", "policy_stn.4.weight", "policy_stn.5.weight",
          "policy_stn.7.weight", "policy_stn.8.bias", "policy_stn.10.weight", "policy_stn.10.bias"}) {
        assertTrue(keys.contains(k), "missing " + k);
      }
      assertFalse(keys.contains("global_CNN.base_model.classifier.weight"), "TSN replaces the ImageNet head by dropout");
      assertFalse(keys.contains("local_CNN.base_model.fc.weight"));
      assertFalse(keys.contains("policy_stn.0.bias"), "the policy conv has no bias");
      for (String k : keys) {
        assertTrue(AdaFocusV2Tsm.OFFICIAL_LR_RATIOS.keySet().stream().anyMatch(g -> k.startsWith(g + ".")),
            k + " belongs to no learning-rate group");
      }
      assertArrayEquals(new long[] {174, 1280}, Tensors.shape(t.get("global_CNN.new_fc.weight")));
      assertArrayEquals(new long[] {174, 2048}, Tensors.shape(t.get("local_CNN.new_new_fc.weight")));
      assertArrayEquals(new long[] {64, 8 * 1280, 1, 1}, Tensors.shape(t.get("policy_stn.0.weight")));
      assertArrayEquals(new long[] {1024, 64 * 7 * 7}, Tensors.shape(t.get("policy_stn.4.weight")));
      assertArrayEquals(new long[] {512, 1024}, Tensors.shape(t.get("policy_stn.7.weight")));
      assertArrayEquals(new long[] {2, 512}, Tensors.shape(t.get("policy_stn.10.weight")));
      // heads start at N(0, 0.001), bias 0
      double std = t.get("local_CNN.new_fc.weight").std().item_double();
      assertEquals(0.001, std, 1e-4);
      assertEquals(0.0, t.get("global_CNN.new_new_fc.bias").abs().sum().item_double());
    }
  }

  @Test
  void rejectsMismatchedInputs() {
    TsmConfig c = TinyTsm.config();
    try (AdaFocusV2Tsm model = new AdaFocusV2Tsm(c); NativeScope s = NativeScope.open()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> model.forward(TinyTsm.glance(2), TinyTsm.glance(2)));
      assertTrue(e.getMessage().contains("focus"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> model.forward(TinyTsm.glance(2), TinyTsm.focus(3)));
    }
  }
}
