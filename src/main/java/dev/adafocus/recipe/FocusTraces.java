package dev.adafocus.recipe;

import dev.adafocus.data.RgbFrame;
import dev.adafocus.data.VideoSource;
import dev.adafocus.models.adafocus.PatchCrop;
import dev.adafocus.viz.ClassScore;
import dev.adafocus.viz.FocusTrace;
import dev.adafocus.viz.InputMapping;
import java.util.ArrayList;
import java.util.List;

/** Builds the picture data of one video from the model's per-step outputs. */
final class FocusTraces {
  private FocusTraces() {}

  /**
   * @param source the video (frames shown at their own resolution)
   * @param frameIndices frame of each processed step, in processing order
   * @param actions (a_y, a_x) of each processed step
   * @param stepScores per processed step, the class scores after that step
   * @param classNames class names by index
   */
  static FocusTrace of(VideoSource source, int[] frameIndices, float[][] actions, double[][] stepScores,
      List<String> classNames, int inputSize, int patchSize, InputMapping mapping) {
    List<FocusTrace.Step> steps = new ArrayList<>();
    for (int t = 0; t < actions.length; t++) {
      RgbFrame frame = source.frame(frameIndices[t]);
      steps.add(new FocusTrace.Step(frameIndices[t], frame, PatchCrop.clampToFrame(actions[t][0]), PatchCrop.clampToFrame(actions[t][1]),
          ClassScore.topK(stepScores[t], classNames, Math.min(5, classNames.size()))));
    }
    return FocusTrace.of(steps, inputSize, patchSize, mapping);
  }

  /** Class probabilities of a step's logits, for display. */
  static double[] scores(float[] logits) {
    float[] p = dev.adafocus.eval.MeanAveragePrecision.softmax(logits);
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = p[i];
    }
    return out;
  }
}
