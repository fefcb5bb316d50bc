package dev.adafocus.eval;

import java.util.Iterator;

/**
 * Batches of one dataset split, one pass per epoch. The order and any augmentation of epoch {@code e} must be a pure
 * function of the source's own seed (set from {@code train.seed}) and {@code e}, so that a resumed run sees the same
 * data. {@code data.DataLoader::epoch} has this shape.
 *
 * @param <B> the batch type (each batch, and the iterator, are closed after use when {@link AutoCloseable})
 */
public interface BatchSource<B> {
  /** Number of batches one pass yields. */
  int batchesPerEpoch();

  /** The pass of epoch {@code epoch}; yields exactly {@link #batchesPerEpoch()} batches. */
  Iterator<B> batches(int epoch);
}
