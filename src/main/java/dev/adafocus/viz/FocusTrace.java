package dev.adafocus.viz;

import dev.adafocus.data.RgbFrame;
import dev.adafocus.models.adafocus.PatchCrop;
import java.util.List;

/**
 * Everything needed to draw where a model looked in one video: for each processed step, the frame, the policy's
 * patch location and the running prediction.
 *
 * <p>The location follows AdaFocusV2: {@code a = (a_y, a_x)} in (0, 1)² is the normalised top-left corner of the
 * P×P patch inside the S×S model input, so {@code y1 = a_y·(S−P)} and {@code x1 = a_x·(S−P)} in model-input
 * pixels.
 * {@link #mapping()} carries that box into the displayed frame's pixels.
 *
 * @param steps the processed steps in processing order (the model may visit frames out of chronological order)
 * @param totalSteps T, the steps the model would run without conditional exit; more than {@code steps.size()} when
 *     it exited early
 * @param inputSize S, the side of the model input in pixels
 * @param patchSize P, the side of the patch in model-input pixels
 * @param mapping where the model input lies in the displayed frames
 */
public record FocusTrace(List<Step> steps, int totalSteps, int inputSize, int patchSize, InputMapping mapping) {

  /**
   * One processed step.
   *
   * @param frameIndex the frame's position in the video (for labels and chronological ordering)
   * @param frame the displayed frame
   * @param ay vertical location a_y in (0, 1)
   * @param ax horizontal location a_x in (0, 1)
   * @param topK the running prediction after this step, best first (may be empty)
   */
  public record Step(int frameIndex, RgbFrame frame, double ay, double ax, List<ClassScore> topK) {
    public Step {
      if (!(ay >= 0 && ay <= 1) || !(ax >= 0 && ax <= 1)) {
        throw new IllegalArgumentException("patch location (a_y, a_x) = (" + ay + ", " + ax + ") is outside [0, 1]²");
      }
      topK = List.copyOf(topK);
    }
  }

  public FocusTrace {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a focus trace needs at least one step");
    }
    if (patchSize <= 0 || patchSize > inputSize) {
      throw new IllegalArgumentException("patch size " + patchSize + " must be in 1.." + inputSize);
    }
    steps = List.copyOf(steps);
    RgbFrame first = steps.get(0).frame();
    for (Step s : steps) {
      if (s.frame().width() != first.width() || s.frame().height() != first.height()) {
        throw new IllegalArgumentException("all frames of a trace must have one size: " + first.width() + "x"
            + first.height() + " vs " + s.frame().width() + "x" + s.frame().height()
            + " (frame " + s.frameIndex() + ")");
      }
    }
    if (totalSteps < steps.size()) {
      throw new IllegalArgumentException("a trace of " + steps.size() + " steps cannot have " + totalSteps
          + " steps in all");
    }
  }

  /** A trace of a model that ran all its steps. */
  public static FocusTrace of(List<Step> steps, int inputSize, int patchSize, InputMapping mapping) {
    return new FocusTrace(steps, steps.size(), inputSize, patchSize, mapping);
  }

  /** Whether conditional exit stopped the model before its last step. */
  public boolean exitedEarly() {
    return steps.size() < totalSteps;
  }

  /** Width of the displayed frames. */
  public int frameWidth() {
    return steps.get(0).frame().width();
  }

  /** Height of the displayed frames. */
  public int frameHeight() {
    return steps.get(0).frame().height();
  }

  /** The patch of step {@code t} (0-based) in the displayed frame's pixels. */
  public PatchBox box(int t) {
    Step s = steps.get(t);
    return mapping.toDisplay(PatchCrop.topLeftPixel(s.ax(), inputSize, patchSize),
        PatchCrop.topLeftPixel(s.ay(), inputSize, patchSize), patchSize, patchSize);
  }
}
