package dev.adafocus.train;

import dev.adafocus.AdaFocusException;
import java.nio.file.Path;

/**
 * Saves {@code last} after every epoch and {@code best_<metric>} whenever validation sets a new best; when validation
 * fails, saves the trained epoch as {@code last} so that {@code --resume} continues after it.
 */
public final class CheckpointListener implements TrainingListener {
  private final CheckpointStore store;

  public CheckpointListener(CheckpointStore store) {
    this.store = store;
  }

  @Override
  public void onEpochEnd(Trainer<?> trainer, EpochRecord r) {
    Checkpoint c = trainer.snapshot();
    if (trainer.bestEpoch() == r.epoch()) {
      store.save("best_" + trainer.evalConfig().bestMetric(), c);
    }
    store.save("last", c);
  }

  /** Saves {@code last} and, for a bad-input failure, adds to its message where the weights are and how to go on. */
  @Override
  public void onValidationFailure(Trainer<?> trainer, EpochRecord r, RuntimeException failure) {
    Path file = store.save("last", trainer.snapshot());
    if (failure instanceof AdaFocusException) {
      throw new AdaFocusException(failure.getMessage() + "\nepoch " + r.epoch() + " was trained but not validated; its"
          + " weights are saved in " + file + ", and 'train --resume " + file + "' continues with epoch "
          + (r.epoch() + 1), failure);
    }
  }
}
