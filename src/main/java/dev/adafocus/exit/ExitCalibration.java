package dev.adafocus.exit;

import dev.adafocus.eval.Ranking;

/**
 * Fits exit thresholds on training-set per-step logits, exactly as the official {@code dynamic_eval_find_threshold}
 * (MSDNet's budgeted batch classification, dossier §4.1).
 *
 * <p>For steps k = 1..T-1 in turn: n_k = floor(N·π_k); among the training videos not yet exited, sorted by their
 * confidence at step k (descending), the first n_k exit and T_k is the confidence of the n_k-th; n_k = 0 gives the
 * unreachable T_k = +1e8. T_T = -1e8.
 *
 * <p>Ties: the sort is stable (equal confidences keep the dump's video order) and exactly n_k videos are marked as
 * exited, so training videos tied with T_k but beyond the n_k-th stay in for later steps. Applied with the test
 * {@code confidence >= T_k}, every tied video passes, so on the training set itself more than n_k may leave at step k.
 * Proportions are computed in double precision (the official code uses float32; floor(N·π_k) can differ only when
 * N·π_k lies within float32 rounding of an integer).
 */
public final class ExitCalibration {
  private final float[][] confidence;
  private final int[][] order;

  /** Prepares the per-step confidences and rankings of the training logits [N][T][C] (done once for all q). */
  public ExitCalibration(float[][][] trainLogits) {
    int n = trainLogits.length;
    if (n == 0) {
      throw new IllegalArgumentException("threshold fitting needs at least one training video");
    }
    int steps = trainLogits[0].length;
    confidence = new float[steps][n];
    order = new int[steps][];
    for (int k = 0; k < steps; k++) {
      for (int i = 0; i < n; i++) {
        if (trainLogits[i].length != steps) {
          throw new IllegalArgumentException("video " + i + " has " + trainLogits[i].length + " steps, video 0 has " + steps);
        }
        confidence[k][i] = ExitPolicy.confidence(trainLogits[i][k]);
      }
      order[k] = Ranking.descending(confidence[k]);
    }
  }

  /** The official exit proportions π_k = q^k / Σ_j q^j, k = 1..steps. */
  public static double[] exitProportions(double q, int steps) {
    if (!(q > 0) || Double.isInfinite(q)) {
      throw new IllegalArgumentException("q must be a positive number, got " + q);
    }
    double[] p = new double[steps];
    double sum = 0;
    for (int k = 1; k <= steps; k++) {
      p[k - 1] = Math.pow(q, k);
      sum += p[k - 1];
    }
    for (int k = 0; k < steps; k++) {
      p[k] /= sum;
    }
    return p;
  }

  /** Thresholds for exit proportions π (one per step, normalised here to sum 1). */
  public double[] fitThresholds(double[] proportions) {
    int steps = confidence.length;
    int n = confidence[0].length;
    if (proportions.length != steps) {
      throw new IllegalArgumentException(proportions.length + " exit proportions for " + steps + " steps");
    }
    double sum = 0;
    for (double p : proportions) {
      if (!(p >= 0) || Double.isInfinite(p)) {
        throw new IllegalArgumentException("exit proportions must be finite and non-negative");
      }
      sum += p;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("exit proportions sum to zero");
    }
    double[] thresholds = new double[steps];
    boolean[] exited = new boolean[n];
    for (int k = 0; k < steps - 1; k++) {
      int quota = (int) Math.floor(n * (proportions[k] / sum));
      thresholds[k] = ExitPolicy.UNREACHABLE;
      int taken = 0;
      for (int r = 0; r < n && taken < quota; r++) {
        int video = order[k][r];
        if (!exited[video]) {
          exited[video] = true;
          taken++;
          if (taken == quota) {
            thresholds[k] = confidence[k][video];
          }
        }
      }
    }
    thresholds[steps - 1] = ExitPolicy.ACCEPT_ALL;
    return thresholds;
  }

  /** The policy of the operating point q: thresholds for π_k ∝ q^k. */
  public ExitPolicy fit(double q) {
    return new ExitPolicy(fitThresholds(exitProportions(q, confidence.length)));
  }

  /**
   * Applies a policy to per-step logits [N][T][C], step by step through an {@link ExitTracker} exactly as a runtime
   * loop does: every video's exit step and prediction.
   */
  public static ExitOutcome apply(ExitPolicy policy, float[][][] logits) {
    ExitTracker tracker = new ExitTracker(policy, logits.length);
    for (int step = 0; !tracker.done(); step++) {
      int[] active = tracker.active();
      float[][] stepLogits = new float[active.length][];
      for (int a = 0; a < active.length; a++) {
        if (logits[active[a]].length != policy.steps()) {
          throw new IllegalArgumentException("video " + active[a] + " has " + logits[active[a]].length
              + " steps of logits for a policy of " + policy.steps());
        }
        stepLogits[a] = logits[active[a]][step];
      }
      tracker.observe(step, stepLogits);
    }
    return tracker.outcome();
  }
}
