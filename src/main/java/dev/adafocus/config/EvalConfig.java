package dev.adafocus.config;

import java.util.List;

/**
 * The eval section: when to validate during training and which metric picks the best checkpoint.
 *
 * @param bestMetric {@code map}, {@code top1} or {@code top5}
 * @param interval validate when {@code epoch % interval == 0}
 * @param lastEpochs ... or when {@code epoch > epochs - lastEpochs}
 */
public record EvalConfig(String bestMetric, int interval, int lastEpochs) {

  /** Metrics a best checkpoint can be chosen by. */
  public static final List<String> METRICS = List.of("map", "top1", "top5");

  /** The official validation rule: {@code epoch % interval == 0 or epoch > epochs - lastEpochs}. */
  public boolean isEvalEpoch(int epoch, int epochs) {
    return epoch % interval == 0 || epoch > epochs - lastEpochs;
  }

  static EvalConfig read(ConfigSection s) {
    return new EvalConfig(s.oneOf("best_metric", METRICS), s.integer("interval", 1), s.integer("last_epochs", 0));
  }
}
