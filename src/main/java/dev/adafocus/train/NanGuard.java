package dev.adafocus.train;

import java.util.Locale;

/**
 * Stops the run at the first NaN or infinite loss, before its gradients reach the weights, naming the last good
 * checkpoint (which is left untouched).
 */
public final class NanGuard implements TrainingListener {
  private final CheckpointStore store;

  public NanGuard(CheckpointStore store) {
    this.store = store;
  }

  @Override
  public void onLoss(Trainer<?> trainer, int epoch, int iteration, double loss) {
    if (Double.isFinite(loss)) {
      return;
    }
    String last = store.lastSaved() == null ? "none was written yet (the run failed in its first epoch)"
        : store.lastSaved().toString();
    throw new NonFiniteLossException(String.format(Locale.ROOT,
        "loss is %s at epoch %d, iteration %d; training stopped before updating the weights. Last good checkpoint: %s."
            + " Try a lower train.lr or train.grad_clip, and check the input data.",
        loss, epoch, iteration + 1, last));
  }
}
