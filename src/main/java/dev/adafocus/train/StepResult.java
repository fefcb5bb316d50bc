package dev.adafocus.train;

import java.util.Map;
import org.bytedeco.pytorch.Tensor;

/**
 * What one training forward returns.
 *
 * @param loss the scalar loss, still attached to the autograd graph
 * @param scalars extra values to log for this batch (e.g. {@code top1_acc} in percent), already on the host
 */
public record StepResult(Tensor loss, Map<String, Double> scalars) {
  public StepResult {
    scalars = Map.copyOf(scalars);
  }
}
