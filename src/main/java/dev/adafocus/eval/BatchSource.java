package dev.adafocus.eval;

import java.util.Iterator;

/**
 * Batches of one dataset split for one pass. The order and any augmentation must be a pure function of {@code seed}
 * (the trainer passes a seed derived from the run seed and the epoch), so that a resumed run sees the same data.
 *
 * @param <B> the batch type (closed after use when it is {@link AutoCloseable})
 */
public interface BatchSource<B> {
  /** Number of batches one pass yields. */
  int batchesPerEpoch();

  /** A pass over the split; yields exactly {@link #batchesPerEpoch()} batches. */
  Iterator<B> batches(long seed);
}
