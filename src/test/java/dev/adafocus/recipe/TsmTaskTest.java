package dev.adafocus.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.data.Batch;
import dev.adafocus.data.Sample;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.StateDicts;
import dev.adafocus.eval.VideoPredictions;
import dev.adafocus.models.backbones.BackboneSpec;
import dev.adafocus.models.tsm.AdaFocusV2Tsm;
import dev.adafocus.models.tsm.TsmConfig;
import dev.adafocus.train.ParamGroup;
import dev.adafocus.train.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The trainer's view of AdaFocusV2-TSM: parameter groups, the two-branch training step, the final prediction. */
class TsmTaskTest {
  private static final TsmConfig TINY = new TsmConfig(3, 2, 3, 32, 16, new BackboneSpec("mobilenet_v2", 0.25),
      new BackboneSpec("resnet10", 0.25), 8, 0.5);

  /** Two videos, each with a glance view of 2 frames and a focus view of 3 frames of 32². */
  private static Batch batch(int... framesPerView) {
    Random r = new Random(3);
    List<Sample> samples = new ArrayList<>();
    for (int v = 0; v < 2; v++) {
      float[][] views = new float[framesPerView.length][];
      for (int k = 0; k < views.length; k++) {
        views[k] = new float[framesPerView[k] * 3 * 32 * 32];
        for (int i = 0; i < views[k].length; i++) {
          views[k][i] = (float) r.nextGaussian();
        }
      }
      samples.add(new Sample("v" + v, v, views, 32, 32, v + 1, new int[] {v + 1}));
    }
    return Batch.of(samples);
  }

  @Test
  void threeGroupsHoldEveryParameterOnceWithTheHeadsInTheirBackbonesGroup() {
    try (TsmTask task = new TsmTask(new AdaFocusV2Tsm(TINY), null)) {
      List<ParamGroup> groups = task.parameterGroups();
      assertEquals(List.of("glance", "focus", "policy"), groups.stream().map(ParamGroup::name).toList());
      int total = groups.stream().mapToInt(g -> g.params().size()).sum();
      assertEquals(task.module().named_parameters(true).size(), total);
      for (ParamGroup g : groups) {
        String prefix = switch (g.name()) {
          case "glance" -> "global_CNN.";
          case "focus" -> "local_CNN.";
          default -> "policy_stn.";
        };
        assertTrue(g.params().keySet().stream().allMatch(k -> k.startsWith(prefix)), g.name());
      }
      assertTrue(groups.get(0).params().containsKey("global_CNN.new_fc.weight"));
      assertTrue(groups.get(1).params().containsKey("local_CNN.new_new_fc.bias"));
    }
  }

  @Test
  void trainStepAveragesBothBranchesAndPredictGivesOneStep() {
    try (TsmTask task = new TsmTask(new AdaFocusV2Tsm(TINY), null); Batch b = batch(2, 3);
        NativeScope s = NativeScope.open()) {
      task.setTraining(true);
      StepResult r = task.trainStep(b);
      double loss = r.loss().item_double();
      double parts = r.scalars().get("loss_prediction") + r.scalars().get("loss_glance") + r.scalars().get("loss_focus");
      assertEquals(parts, loss, 1e-4, "the loss is the sum of the three branch-averaged terms");
      assertTrue(loss > 0 && Double.isFinite(loss));
      r.loss().backward();
      assertTrue(StateDicts.tensors(task.module()).get("policy_stn.10.weight").grad().defined(),
          "the policy learns in a training step");
      task.setTraining(false);
      VideoPredictions p = task.predict(b);
      assertEquals(1, p.steps());
      assertEquals(3, p.classes());
      assertArrayEquals(new int[] {1, 2}, p.primaryLabels());
    }
  }

  @Test
  void aSingleViewBatchIsRefused() {
    try (TsmTask task = new TsmTask(new AdaFocusV2Tsm(TINY), null); Batch b = batch(2)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> task.predict(b));
      assertTrue(e.getMessage().contains("glance and focus views"), e.getMessage());
    }
  }
}
