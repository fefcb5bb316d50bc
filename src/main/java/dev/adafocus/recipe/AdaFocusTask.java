package dev.adafocus.recipe;

import dev.adafocus.data.Batch;
import dev.adafocus.engine.Devices;
import dev.adafocus.engine.Tensors;
import dev.adafocus.eval.VideoPredictions;
import dev.adafocus.models.adafocus.AdaFocusLoss;
import dev.adafocus.models.adafocus.AdaFocusOutput;
import dev.adafocus.models.adafocus.AdaFocusV2;
import dev.adafocus.train.ParamGroup;
import dev.adafocus.train.StepResult;
import dev.adafocus.train.TrainTask;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

/**
 * AdaFocusV2 as the trainer sees it: the four learning-rate groups of the official recipe (policy, glance, focus,
 * classifier), the one-stage loss over the policy and random branches, and per-step predictions for evaluation.
 */
public final class AdaFocusTask implements TrainTask<Batch>, AutoCloseable {
  private final AdaFocusV2 model;
  private final java.util.function.Consumer<java.io.PrintWriter> warmup;
  private final org.bytedeco.pytorch.Device device;

  /** {@code warmup} runs once before a fresh run's first epoch (null: none); batches stay on the CPU. */
  public AdaFocusTask(AdaFocusV2 model, java.util.function.Consumer<java.io.PrintWriter> warmup) {
    this(model, warmup, null);
  }

  /** As above, with batches moved to {@code device} (null: the CPU) where the model lives. */
  public AdaFocusTask(AdaFocusV2 model, java.util.function.Consumer<java.io.PrintWriter> warmup,
      org.bytedeco.pytorch.Device device) {
    this.model = model;
    this.warmup = warmup;
    this.device = device;
  }

  @Override
  public void beforeTraining(java.io.PrintWriter log) {
    if (warmup != null) {
      warmup.accept(log);
    }
  }

  @Override
  public Module module() {
    return model;
  }

  /** The official optimiser groups by state-dict prefix (learning-rate multipliers come from train.lr_ratios). */
  static final Map<String, String> GROUPS = groups();

  /** In a fixed order (Map.of's order changes between JVM runs), so group-wise sums are reproducible. */
  private static Map<String, String> groups() {
    Map<String, String> g = new java.util.LinkedHashMap<>();
    g.put("policy_stn.", "policy");
    g.put("global_CNN", "glance");
    g.put("local_CNN", "focus");
    g.put("classifier.", "classifier");
    return java.util.Collections.unmodifiableMap(g);
  }

  @Override
  public List<ParamGroup> parameterGroups() {
    return ParamGroup.byPrefix(model, GROUPS);
  }

  @Override
  public StepResult trainStep(Batch batch) {
    AdaFocusOutput[] branches = model.forwardTraining(Devices.move(batch.frames(), device));
    AdaFocusLoss.Terms t = AdaFocusLoss.compute(branches, Devices.move(batch.targets(), device));
    Map<String, Double> scalars = new java.util.LinkedHashMap<>(Map.of("loss_steps", t.steps(), "loss_glance",
        t.glance(), "loss_focus", t.focus()));
    scalars.putAll(meanPatch(branches[0].actions()));
    return new StepResult(t.total(), scalars);
  }

  /** The mean patch location of a batch ({@code patch_y}, {@code patch_x}) from actions [N, 2] = (a_y, a_x). */
  static Map<String, Double> meanPatch(Tensor actions) {
    float[] a = Tensors.toFloats(actions);
    double ay = 0;
    double ax = 0;
    for (int i = 0; i < a.length; i += 2) {
      ay += a[i];
      ax += a[i + 1];
    }
    int n = a.length / 2;
    return Map.of("patch_y", ay / n, "patch_x", ax / n);
  }

  @Override
  public void setTraining(boolean training) {
    model.train(training);
  }

  @Override
  public VideoPredictions predict(Batch batch) {
    AdaFocusOutput o = model.forward(Devices.move(batch.frames(), device));
    return predictions(batch, o.stepLogits());
  }

  /** Wraps per-step logits [B, T, C] of a batch as per-video predictions. */
  static VideoPredictions predictions(Batch batch, Tensor stepLogits) {
    int b = (int) stepLogits.size(0);
    int steps = (int) stepLogits.size(1);
    int classes = (int) stepLogits.size(2);
    float[] flat = Tensors.toFloats(stepLogits);
    float[][][] logits = new float[b][steps][classes];
    for (int i = 0; i < b; i++) {
      for (int t = 0; t < steps; t++) {
        System.arraycopy(flat, (i * steps + t) * classes, logits[i][t], 0, classes);
      }
    }
    return predictions(batch, logits);
  }

  /** Wraps per-step logits [video][step][class] of a batch as per-video predictions. */
  static VideoPredictions predictions(Batch batch, float[][][] logits) {
    int[][] labels = new int[logits.length][];
    for (int i = 0; i < logits.length; i++) {
      labels[i] = slots(batch.labels().get(i));
    }
    return new VideoPredictions(batch.indices(), batch.videoIds().toArray(new String[0]), labels, logits);
  }

  private static int[] slots(int[] labels) {
    int[] s = {-1, -1, -1};
    for (int i = 0; i < Math.min(labels.length, s.length); i++) {
      s[i] = labels[i];
    }
    return s;
  }

  @Override
  public void close() {
    model.close();
  }
}
