package dev.adafocus.data;

import dev.adafocus.AdaFocusException;
import dev.adafocus.engine.Engine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads batches on background worker threads with a bounded number of batches prepared ahead. Workers produce Java
 * arrays; tensors are made on the thread that takes the batch. Every random choice derives from (seed, epoch,
 * video), so results do not depend on the number of workers or on timing.
 */
public final class DataLoader implements AutoCloseable {
  private final VideoDataset dataset;
  private final LoaderOptions options;
  private final ExecutorService workers;
  private final List<SkippedVideo> skipped = Collections.synchronizedList(new ArrayList<>());
  private long clips;
  private long batches;
  private long dataNanos;
  private long startNanos = -1;

  public DataLoader(VideoDataset dataset, LoaderOptions options) {
    Engine.init();
    this.dataset = dataset;
    this.options = options;
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(options.workers(), r -> {
      Thread t = new Thread(r, "adafocus-loader-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Number of batches in one epoch. */
  public int batchesPerEpoch() {
    int n = dataset.size();
    int b = options.batchSize();
    return options.dropLast() ? n / b : (n + b - 1) / b;
  }

  /** The video order of an epoch: the list order, or a permutation fixed by (seed, epoch). */
  public int[] order(int epoch) {
    int[] order = new int[dataset.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    if (options.shuffle()) {
      SplittableRandom rng = new SplittableRandom(mix(options.seed(), epoch, -1));
      for (int i = order.length - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
    }
    return order;
  }

  /** The batches of epoch {@code epoch}, in order; close the iterator to cancel the work prepared ahead. */
  public Epoch epoch(int epoch) {
    return new Epoch(epoch);
  }

  /** Videos left out so far under {@link BadVideoPolicy#SKIP}. */
  public List<SkippedVideo> skipped() {
    synchronized (skipped) {
      return List.copyOf(skipped);
    }
  }

  /** Throughput since the first batch was requested. */
  public synchronized LoaderStats stats() {
    double seconds = startNanos < 0 ? 0 : (System.nanoTime() - startNanos) / 1e9;
    return new LoaderStats(clips, batches, seconds, dataNanos / 1e9);
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  private static long mix(long seed, long epoch, long index) {
    long h = seed * 0x9E3779B97F4A7C15L + epoch * 0xC2B2AE3D27D4EB4FL + index * 0x165667B19E3779F9L;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    return h ^ (h >>> 33);
  }

  private List<Sample> loadBatch(int epoch, int[] indices) {
    List<Sample> out = new ArrayList<>(indices.length);
    for (int i : indices) {
      try {
        out.add(dataset.load(i, new SplittableRandom(mix(options.seed(), epoch, i))));
      } catch (AdaFocusException e) {
        if (options.badVideos() == BadVideoPolicy.FAIL) {
          throw e;
        }
        VideoRecord r = dataset.record(i);
        skipped.add(new SkippedVideo(r.path(), r.where(), r.reason(e)));
      }
    }
    return out;
  }

  /** One pass over the dataset. */
  public final class Epoch implements Iterator<Batch>, AutoCloseable {
    private final int epoch;
    private final int[] order;
    private final int total;
    private final ArrayDeque<Future<List<Sample>>> pending = new ArrayDeque<>();
    private int submitted;
    private Batch next;
    private double lastWaitSeconds;

    private Epoch(int epoch) {
      this.epoch = epoch;
      this.order = order(epoch);
      this.total = batchesPerEpoch();
      synchronized (DataLoader.this) {
        if (startNanos < 0) {
          startNanos = System.nanoTime();
        }
      }
      while (submitted < total && pending.size() < options.prefetch()) {
        submit();
      }
    }

    private void submit() {
      int b = options.batchSize();
      int from = submitted * b;
      int to = Math.min(from + b, order.length);
      int[] indices = Arrays.copyOfRange(order, from, to);
      pending.add(workers.submit(() -> loadBatch(epoch, indices)));
      submitted++;
    }

    @Override
    public boolean hasNext() {
      while (next == null && !pending.isEmpty()) {
        long t0 = System.nanoTime();
        List<Sample> samples = take(pending.poll());
        long waited = System.nanoTime() - t0;
        lastWaitSeconds = waited / 1e9;
        if (submitted < total) {
          submit();
        }
        synchronized (DataLoader.this) {
          dataNanos += waited;
          if (!samples.isEmpty()) {
            clips += samples.size();
            batches++;
          }
        }
        if (!samples.isEmpty()) {
          next = Batch.of(samples);
        }
      }
      return next != null;
    }

    @Override
    public Batch next() {
      if (!hasNext()) {
        throw new NoSuchElementException("epoch " + epoch + " has no more batches");
      }
      Batch b = next;
      next = null;
      return b;
    }

    /** Seconds the consumer waited for the most recent batch (its {@code data_time}). */
    public double lastWaitSeconds() {
      return lastWaitSeconds;
    }

    private List<Sample> take(Future<List<Sample>> f) {
      try {
        return f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a batch", e);
      } catch (ExecutionException e) {
        close();
        if (e.getCause() instanceof AdaFocusException a) {
          throw a;
        }
        throw new IllegalStateException("a loader worker failed: " + e.getCause(), e.getCause());
      }
    }

    /** Cancels the batches prepared ahead and frees an unconsumed batch. */
    @Override
    public void close() {
      for (Future<List<Sample>> f : pending) {
        f.cancel(true);
      }
      pending.clear();
      if (next != null) {
        next.close();
        next = null;
      }
    }
  }
}
