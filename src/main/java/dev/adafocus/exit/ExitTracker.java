package dev.adafocus.exit;

import java.util.Arrays;

/**
 * Follows a batch of videos through step-by-step inference under an {@link ExitPolicy}: which videos still run, where
 * each stopped and the logits it stopped with.
 *
 * <p>A runtime loop computes step {@code s} only for {@link #active()} videos, hands their logits to
 * {@link #observe}, and ends when {@link #done()}; offline evaluation ({@link ExitCalibration#apply}) drives the same
 * tracker with logits read from a dump, so both take identical decisions on identical logits.
 */
public final class ExitTracker {
  private final ExitPolicy policy;
  private final int[] exitSteps;
  private final float[][] predictions;
  private int[] active;
  private int nextStep;

  /** Starts {@code videos} videos, none processed yet. */
  public ExitTracker(ExitPolicy policy, int videos) {
    if (videos < 1) {
      throw new IllegalArgumentException("an exit tracker needs at least one video, got " + videos);
    }
    this.policy = policy;
    this.exitSteps = new int[videos];
    this.predictions = new float[videos][];
    Arrays.fill(exitSteps, -1);
    this.active = new int[videos];
    Arrays.setAll(active, i -> i);
  }

  /** Indices of the videos still running, increasing; the rows expected by the next {@link #observe}. */
  public int[] active() {
    return active.clone();
  }

  /** The 0-based step the next {@link #observe} must be for. */
  public int nextStep() {
    return nextStep;
  }

  /** Whether every video has stopped. */
  public boolean done() {
    return active.length == 0;
  }

  /**
   * Takes step {@code step}'s logits of the active videos (row a belongs to {@code active()[a]}); the videos the policy
   * stops leave the active set.
   */
  public void observe(int step, float[][] activeLogits) {
    if (done()) {
      throw new IllegalStateException("every video has already stopped");
    }
    if (step != nextStep) {
      throw new IllegalArgumentException("expected the logits of step " + nextStep + ", got step " + step);
    }
    if (activeLogits.length != active.length) {
      throw new IllegalArgumentException(activeLogits.length + " rows of logits for " + active.length + " active videos");
    }
    int kept = 0;
    int[] stillActive = new int[active.length];
    for (int a = 0; a < active.length; a++) {
      int video = active[a];
      if (policy.stopsAfter(step, activeLogits[a])) {
        exitSteps[video] = step;
        predictions[video] = activeLogits[a].clone();
      } else {
        stillActive[kept++] = video;
      }
    }
    active = Arrays.copyOf(stillActive, kept);
    nextStep++;
  }

  /** Exit steps and predictions of all videos; only once {@link #done()}. */
  public ExitOutcome outcome() {
    if (!done()) {
      throw new IllegalStateException(active.length + " videos are still running");
    }
    return new ExitOutcome(policy.steps(), exitSteps.clone(), predictions.clone());
  }
}
