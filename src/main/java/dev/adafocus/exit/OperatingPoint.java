package dev.adafocus.exit;

/**
 * One point of the conditional-exit curve: the thresholds fitted for q and what they give on validation.
 *
 * @param q the exit distribution's ratio (π_k ∝ q^k)
 * @param thresholds per step, fitted on the training logits
 * @param score expected GFLOPs, top-1 and mAP on the validation logits
 * @param exitFractions per step, the fraction of validation videos stopping there
 */
public record OperatingPoint(double q, double[] thresholds, Score score, double[] exitFractions) {

  public OperatingPoint {
    thresholds = thresholds.clone();
    exitFractions = exitFractions.clone();
  }

  @Override
  public double[] thresholds() {
    return thresholds.clone();
  }

  @Override
  public double[] exitFractions() {
    return exitFractions.clone();
  }
}
