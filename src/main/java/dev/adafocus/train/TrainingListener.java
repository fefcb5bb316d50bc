package dev.adafocus.train;

/** Hooks into the training loop (logging, checkpoints, guards, plots); every method defaults to doing nothing. */
public interface TrainingListener {
  default void onTrainingStart(Trainer<?> trainer) {}

  default void onEpochStart(Trainer<?> trainer, int epoch) {}

  /** The loss of a batch, before backward and the optimiser step (a listener may stop the run by throwing). */
  default void onLoss(Trainer<?> trainer, int epoch, int iteration, double loss) {}

  default void onBatchEnd(Trainer<?> trainer, BatchEnd batch) {}

  /** After the epoch and its validation (if any); {@link Trainer#history()} already holds {@code record}. */
  default void onEpochEnd(Trainer<?> trainer, EpochRecord record) {}

  /**
   * When the validation after a trained epoch fails; {@link Trainer#history()} already holds {@code record} (without
   * metrics), so {@link Trainer#snapshot()} holds the trained weights. A listener may replace the failure by throwing.
   */
  default void onValidationFailure(Trainer<?> trainer, EpochRecord record, RuntimeException failure) {}

  /** When the run ends; {@code failure} is null on success. */
  default void onTrainingEnd(Trainer<?> trainer, Throwable failure) {}
}
