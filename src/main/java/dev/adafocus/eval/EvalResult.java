package dev.adafocus.eval;

import java.util.Map;

/**
 * Metrics (percent: {@code top1}, {@code top5}, {@code map}) and the predictions they were computed from.
 */
public record EvalResult(Map<String, Double> metrics, VideoPredictions predictions) {
  public EvalResult {
    metrics = Map.copyOf(metrics);
  }
}
