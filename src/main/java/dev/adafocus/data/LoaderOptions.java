package dev.adafocus.data;

/**
 * Loader settings: batch size, shuffling, dropping a last partial batch, worker threads, batches prepared ahead,
 * the seed that fixes every random choice, and the bad-video policy.
 */
public record LoaderOptions(int batchSize, boolean shuffle, boolean dropLast, int workers, int prefetch, long seed,
    BadVideoPolicy badVideos) {
  public LoaderOptions {
    if (batchSize < 1 || workers < 1 || prefetch < 1) {
      throw new IllegalArgumentException("batch size, workers and prefetch must be at least 1, got " + batchSize + ", "
          + workers + ", " + prefetch);
    }
  }

  /** Training defaults: shuffled, last partial batch dropped, failing on bad videos. */
  public static LoaderOptions training(int batchSize, int workers, long seed) {
    return new LoaderOptions(batchSize, true, true, workers, 2 * workers, seed, BadVideoPolicy.FAIL);
  }

  /** Evaluation defaults: list order, every video, failing on bad videos. */
  public static LoaderOptions evaluation(int batchSize, int workers) {
    return new LoaderOptions(batchSize, false, false, workers, 2 * workers, 0, BadVideoPolicy.FAIL);
  }

  /** The same settings with another bad-video policy. */
  public LoaderOptions withBadVideos(BadVideoPolicy policy) {
    return new LoaderOptions(batchSize, shuffle, dropLast, workers, prefetch, seed, policy);
  }
}
