package dev.adafocus.recipe;

import dev.adafocus.data.Batch;
import dev.adafocus.data.DataLoader;
import dev.adafocus.eval.BatchSource;
import java.util.Iterator;

/** A {@link DataLoader} as the trainer's batch source: one loader pass per epoch. */
public final class LoaderBatches implements BatchSource<Batch>, AutoCloseable {
  private final DataLoader loader;

  public LoaderBatches(DataLoader loader) {
    this.loader = loader;
  }

  @Override
  public int batchesPerEpoch() {
    return loader.batchesPerEpoch();
  }

  @Override
  public Iterator<Batch> batches(int epoch) {
    return loader.epoch(epoch);
  }

  @Override
  public void close() {
    loader.close();
  }
}
