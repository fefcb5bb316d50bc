package dev.adafocus.train;

import dev.adafocus.eval.BatchSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/** Gaussian clusters around one centre per class; shuffled per epoch from (seed, epoch) when {@code shuffle}. */
final class ToyData implements BatchSource<ToyBatch> {
  final int features;
  private final float[][] x;
  private final int[] y;
  private final int batchSize;
  private final boolean shuffle;
  private final long seed;

  ToyData(int videos, int features, int classes, int batchSize, boolean shuffle, long dataSeed) {
    this.features = features;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.seed = dataSeed;
    Random r = new Random(dataSeed);
    float[][] centres = new float[classes][features];
    for (float[] c : centres) {
      for (int f = 0; f < features; f++) {
        c[f] = (float) r.nextGaussian() * 2;
      }
    }
    x = new float[videos][features];
    y = new int[videos];
    for (int i = 0; i < videos; i++) {
      y[i] = i % classes;
      for (int f = 0; f < features; f++) {
        x[i][f] = centres[y[i]][f] + (float) r.nextGaussian();
      }
    }
  }

  /** Replaces one feature value (to inject NaN). */
  void poison(int video, float value) {
    x[video][0] = value;
  }

  @Override
  public int batchesPerEpoch() {
    return (y.length + batchSize - 1) / batchSize;
  }

  @Override
  public Iterator<ToyBatch> batches(int epoch) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      order.add(i);
    }
    if (shuffle) {
      Collections.shuffle(order, new Random(seed * 1_000_003L + epoch));
    }
    List<ToyBatch> out = new ArrayList<>();
    for (int start = 0; start < order.size(); start += batchSize) {
      int n = Math.min(batchSize, order.size() - start);
      float[] f = new float[n * features];
      long[] t = new long[n];
      long[] idx = new long[n];
      for (int j = 0; j < n; j++) {
        int v = order.get(start + j);
        System.arraycopy(x[v], 0, f, j * features, features);
        t[j] = y[v];
        idx[j] = v;
      }
      out.add(new ToyBatch(f, t, idx));
    }
    return out.iterator();
  }
}
