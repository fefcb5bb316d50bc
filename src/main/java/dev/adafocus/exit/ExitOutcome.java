package dev.adafocus.exit;

/**
 * Where each video stopped under an exit policy and what it predicted there.
 *
 * @param steps T, the number of steps a video may run
 * @param exitSteps per video, the 0-based step it stopped after
 * @param predictions per video, the logits of its exit step
 */
public record ExitOutcome(int steps, int[] exitSteps, float[][] predictions) {

  public ExitOutcome {
    if (exitSteps.length != predictions.length || exitSteps.length == 0) {
      throw new IllegalArgumentException(exitSteps.length + " exit steps and " + predictions.length + " predictions");
    }
    for (int s : exitSteps) {
      if (s < 0 || s >= steps) {
        throw new IllegalArgumentException("exit step " + s + " outside 0.." + (steps - 1));
      }
    }
  }

  /** Number of videos stopping after each step. */
  public int[] exitCounts() {
    int[] counts = new int[steps];
    for (int s : exitSteps) {
      counts[s]++;
    }
    return counts;
  }

  /** Fraction of videos stopping after each step. */
  public double[] exitFractions() {
    int[] counts = exitCounts();
    double[] f = new double[steps];
    for (int k = 0; k < steps; k++) {
      f[k] = (double) counts[k] / exitSteps.length;
    }
    return f;
  }

  /** Expected GFLOPs per video, Σ_k (fraction stopping after k steps) × (cost of k steps). */
  public double expectedGflops(StepCosts costs) {
    if (costs.steps() != steps) {
      throw new IllegalArgumentException("a cost table of " + costs.steps() + " steps for " + steps + " steps");
    }
    double[] f = exitFractions();
    double sum = 0;
    for (int k = 0; k < steps; k++) {
      sum += f[k] * costs.afterSteps(k + 1);
    }
    return sum;
  }
}
