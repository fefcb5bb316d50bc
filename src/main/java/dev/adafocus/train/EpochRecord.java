package dev.adafocus.train;

import java.util.Map;

/**
 * The summary of one finished epoch, kept in the run history (checkpointed, plotted).
 *
 * @param epoch epoch number (0..epochs)
 * @param lr base learning rate of the epoch
 * @param trainLoss mean training loss over the epoch's batches
 * @param metrics validation metrics in percent, empty when the epoch was not validated
 */
public record EpochRecord(int epoch, double lr, double trainLoss, Map<String, Double> metrics) {
  public EpochRecord {
    metrics = Map.copyOf(metrics);
  }
}
