package dev.adafocus.train;

import java.util.Map;

/**
 * One finished training iteration.
 *
 * @param epoch epoch number
 * @param iteration 0-based batch index within the epoch
 * @param iterations batches per epoch
 * @param lr base learning rate of the epoch
 * @param loss this batch's loss
 * @param scalars extra values reported by the task
 * @param time seconds for the whole iteration, data loading included
 * @param dataTime seconds spent waiting for the batch
 */
public record BatchEnd(int epoch, int iteration, int iterations, double lr, double loss, Map<String, Double> scalars,
    double time, double dataTime) {}
