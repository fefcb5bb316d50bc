package dev.adafocus.recipe;

import dev.adafocus.data.Batch;
import dev.adafocus.data.synthetic.BenchmarkGenerator;
import dev.adafocus.data.synthetic.ObjectBox;
import dev.adafocus.data.synthetic.Split;
import dev.adafocus.engine.Tensors;
import dev.adafocus.eval.Predictor;
import dev.adafocus.eval.VideoPredictions;
import dev.adafocus.models.adafocus.AdaFocusOutput;
import dev.adafocus.models.adafocus.AdaFocusV2;
import dev.adafocus.models.adafocus.PatchCrop;
import dev.adafocus.models.adafocus.PatchPolicy;

/**
 * AdaFocusV2 with one patch policy on the built-in benchmark, counting how often the patch holds the target digit's
 * centre (the generator knows where the digit is): the demo's measure of where the model looked.
 */
final class OnTargetPredictor implements Predictor<Batch> {
  private final AdaFocusV2 model;
  private final PatchPolicy policy;
  private final BenchmarkGenerator generator;
  private final Split split;
  private final int[] frameOfStep;
  private long onTarget;
  private long steps;

  /**
   * @param frameOfStep the clip frame each step processes (the sampler's order, e.g. coarse to fine)
   */
  OnTargetPredictor(AdaFocusV2 model, PatchPolicy policy, BenchmarkGenerator generator, Split split, int[] frameOfStep) {
    if (frameOfStep.length != model.config().frames()) {
      throw new IllegalArgumentException("frame order has " + frameOfStep.length + " steps, the model "
          + model.config().frames());
    }
    this.model = model;
    this.policy = policy;
    this.generator = generator;
    this.split = split;
    this.frameOfStep = frameOfStep.clone();
  }

  @Override
  public void setTraining(boolean training) {
    model.train(training);
  }

  @Override
  public VideoPredictions predict(Batch batch) {
    AdaFocusOutput out = model.forward(batch.frames(), policy);
    float[] actions = Tensors.toFloats(out.actions());
    long[] clips = batch.indices();
    int frames = frameOfStep.length;
    for (int i = 0; i < clips.length; i++) {
      var clip = generator.clip(split, Math.toIntExact(clips[i]));
      for (int t = 0; t < frames; t++) {
        int a = (i * frames + t) * 2;
        if (holdsCentre(actions[a], actions[a + 1], clip.box(frameOfStep[t]))) {
          onTarget++;
        }
        steps++;
      }
    }
    return AdaFocusTask.predictions(batch, out.stepLogits());
  }

  /** Whether the patch at normalised top-left (a_y, a_x), clamped as the crop does, contains the box's centre. */
  boolean holdsCentre(double ay, double ax, ObjectBox box) {
    int side = model.config().inputSize();
    int patch = model.config().patchSize();
    double top = PatchCrop.topLeftPixel(PatchCrop.clampToFrame(ay), side, patch);
    double left = PatchCrop.topLeftPixel(PatchCrop.clampToFrame(ax), side, patch);
    double scale = (double) side / generator.config().frameSize();
    double cy = box.centreY() * scale;
    double cx = box.centreX() * scale;
    return cy >= top && cy < top + patch && cx >= left && cx < left + patch;
  }

  /** Percentage of processed frames whose patch held the target's centre, over everything predicted so far. */
  double onTargetPercent() {
    if (steps == 0) {
      throw new IllegalStateException("nothing predicted yet");
    }
    return 100.0 * onTarget / steps;
  }
}
