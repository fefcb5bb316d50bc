package dev.adafocus.train;

import dev.adafocus.eval.BatchSource;

/**
 * What a config builds: the model as a trainable task and the two data splits.
 *
 * @param task the model
 * @param train the training split (shuffled and augmented from the pass seed)
 * @param val the validation/test split
 * @param <B> the batch type
 */
public record Experiment<B>(TrainTask<B> task, BatchSource<B> train, BatchSource<B> val) {}
