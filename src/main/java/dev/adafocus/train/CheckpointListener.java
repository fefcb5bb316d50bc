package dev.adafocus.train;

/** Saves {@code last} after every epoch and {@code best_<metric>} whenever validation sets a new best. */
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
}
