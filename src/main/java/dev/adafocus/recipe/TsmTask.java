package dev.adafocus.recipe;

import dev.adafocus.data.Batch;
import dev.adafocus.engine.Devices;
import dev.adafocus.eval.VideoPredictions;
import dev.adafocus.models.tsm.AdaFocusV2Tsm;
import dev.adafocus.models.tsm.TsmLoss;
import dev.adafocus.models.tsm.TsmOutput;
import dev.adafocus.train.ParamGroup;
import dev.adafocus.train.StepResult;
import dev.adafocus.train.TrainTask;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

/**
 * AdaFocusV2-TSM as the trainer sees it: two-view batches (view 0: glance frames, view 1: focus frames), the three
 * learning-rate groups of the official recipe (policy, glance, focus; each backbone's TSN heads train with it), the
 * loss averaged over the random-patch and policy-patch branches ({@link TsmLoss}), and the final prediction (glance +
 * focus {@code new_fc} consensus, the learned policy's patch) for evaluation, as a single step.
 */
public final class TsmTask implements TrainTask<Batch>, AutoCloseable {
  /**
   * The official optimiser groups by state-dict prefix (multipliers come from train.lr_ratios), in a fixed order so
   * that the gradient norm for clipping is summed in the same order in every run.
   */
  private static final Map<String, String> GROUPS = Collections.unmodifiableMap(new TreeMap<>(Map.of("policy_stn.", "policy",
      "global_CNN.", "glance", "local_CNN.", "focus")));

  private final AdaFocusV2Tsm model;
  private final Device device;

  /** Batches are moved to {@code device} (null: they stay on the CPU) where the model lives. */
  public TsmTask(AdaFocusV2Tsm model, Device device) {
    this.model = model;
    this.device = device;
  }

  @Override
  public Module module() {
    return model;
  }

  @Override
  public List<ParamGroup> parameterGroups() {
    return ParamGroup.byPrefix(model, GROUPS);
  }

  @Override
  public StepResult trainStep(Batch batch) {
    TsmOutput[] branches = model.forwardTraining(view(batch, 0), view(batch, 1));
    TsmLoss.Terms t = TsmLoss.compute(branches, Devices.move(batch.targets(), device));
    Map<String, Double> scalars = new LinkedHashMap<>(Map.of("loss_prediction", t.prediction(), "loss_glance",
        t.glance(), "loss_focus", t.focus()));
    scalars.putAll(AdaFocusTask.meanPatch(branches[1].actions()));
    return new StepResult(t.total(), scalars);
  }

  @Override
  public void setTraining(boolean training) {
    model.train(training);
  }

  @Override
  public VideoPredictions predict(Batch batch) {
    TsmOutput o = model.forward(view(batch, 0), view(batch, 1));
    return AdaFocusTask.predictions(batch, o.prediction().unsqueeze(1));
  }

  /** View {@code v} of a two-view batch, on the model's device. */
  private Tensor view(Batch batch, int v) {
    if (batch.viewCount() != 2) {
      throw new IllegalArgumentException("AdaFocusV2-TSM needs glance and focus views per video, got a batch with "
          + batch.viewCount() + " view(s)");
    }
    return Devices.move(batch.view(v), device);
  }

  @Override
  public void close() {
    model.close();
  }
}
