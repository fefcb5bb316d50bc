package dev.adafocus.data;

/**
 * Loader throughput so far: clips and batches delivered, wall seconds since the first request, and
 * {@code dataSeconds}, the time the consumer spent waiting for batches (MMAction2's {@code data_time}).
 */
public record LoaderStats(long clips, long batches, double seconds, double dataSeconds) {
  /** Clips delivered per wall second. */
  public double clipsPerSecond() {
    return seconds > 0 ? clips / seconds : 0;
  }

  /** Mean wait per batch, in seconds. */
  public double dataTimePerBatch() {
    return batches > 0 ? dataSeconds / batches : 0;
  }
}
