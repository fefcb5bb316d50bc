package dev.adafocus.train;

import dev.adafocus.engine.HostTensor;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to continue a run exactly: the model and optimiser state after {@code epoch}, the best metric so
 * far and the history. Random streams need no state of their own (see {@link Seeds}).
 *
 * @param epoch the last finished epoch
 * @param seed the run seed
 * @param bestMetric metric that picks the best checkpoint
 * @param bestValue best value so far (NaN before the first validation)
 * @param bestEpoch epoch of the best value (-1 before the first validation)
 * @param history one record per finished epoch
 * @param model state dict by parameter/buffer name
 * @param optimizer optimiser state (momentum buffers)
 */
public record Checkpoint(int epoch, long seed, String bestMetric, double bestValue, int bestEpoch,
    List<EpochRecord> history, Map<String, HostTensor> model, Map<String, HostTensor> optimizer) {
  public Checkpoint {
    history = List.copyOf(history);
  }
}
