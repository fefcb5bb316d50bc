package dev.adafocus.exit;

/**
 * The exit decision, shared by offline evaluation on logits dumps and by runtime stepping of the model: after step k
 * a video stops when its confidence, the maximum raw logit of step k (no softmax), reaches the step's threshold
 * ({@code confidence >= threshold}). The last step always stops, whatever its threshold and confidence.
 *
 * <p>Steps are 0-based here (step 0 = after the first processed frame); the dossier's k is {@code step + 1}.
 */
public final class ExitPolicy {
  /** Threshold of a step that nobody may leave at (the official value for an empty exit quota). */
  public static final double UNREACHABLE = 1e8;
  /** Threshold of the last step, which everybody reaching it leaves at (the official value). */
  public static final double ACCEPT_ALL = -1e8;

  private final double[] thresholds;

  /** One threshold per step; the last one is stored as given but never consulted. */
  public ExitPolicy(double[] thresholds) {
    if (thresholds.length == 0) {
      throw new IllegalArgumentException("an exit policy needs at least one step");
    }
    for (int k = 0; k < thresholds.length; k++) {
      if (Double.isNaN(thresholds[k])) {
        throw new IllegalArgumentException("threshold of step " + k + " is NaN");
      }
    }
    this.thresholds = thresholds.clone();
  }

  /** The confidence criterion "max_logit": the largest raw logit. */
  public static float confidence(float[] stepLogits) {
    if (stepLogits.length == 0) {
      throw new IllegalArgumentException("no logits");
    }
    float max = stepLogits[0];
    for (float v : stepLogits) {
      max = Math.max(max, v);
    }
    return max;
  }

  /** Whether a video stops after 0-based {@code step}, given that step's logits. */
  public boolean stopsAfter(int step, float[] stepLogits) {
    if (step < 0 || step >= thresholds.length) {
      throw new IllegalArgumentException("step " + step + " outside 0.." + (thresholds.length - 1));
    }
    return step == thresholds.length - 1 || confidence(stepLogits) >= thresholds[step];
  }

  /** Number of steps T. */
  public int steps() {
    return thresholds.length;
  }

  public double[] thresholds() {
    return thresholds.clone();
  }
}
