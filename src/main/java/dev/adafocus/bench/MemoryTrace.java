package dev.adafocus.bench;

import org.bytedeco.javacpp.Pointer;

/**
 * Resident memory of the process (native heap and Java heap) after each iteration of a loop. Without a leak the
 * trace levels off or oscillates below a ceiling once the allocators' pools are filled, while a leak raises the
 * ceiling steadily, so growth is judged by the peak of the second half against the peak of the first half.
 */
public record MemoryTrace(long[] residentBytes) {
  public MemoryTrace {
    if (residentBytes.length < 2) {
      throw new IllegalArgumentException("a memory trace needs at least 2 iterations");
    }
    residentBytes = residentBytes.clone();
  }

  /** The process's resident set size now, in bytes. */
  public static long residentNow() {
    return Pointer.physicalBytes();
  }

  public int iterations() {
    return residentBytes.length;
  }

  public long first() {
    return residentBytes[0];
  }

  public long last() {
    return residentBytes[residentBytes.length - 1];
  }

  /**
   * How much the peak rose from the first half of the loop to the second, per iteration of the second half, in bytes:
   * ≤ 0 when memory is bounded, about the leak per iteration when it is not.
   */
  public double peakGrowthPerIteration() {
    int half = residentBytes.length / 2;
    long firstPeak = Long.MIN_VALUE;
    long secondPeak = Long.MIN_VALUE;
    for (int i = 0; i < residentBytes.length; i++) {
      if (i < half) {
        firstPeak = Math.max(firstPeak, residentBytes[i]);
      } else {
        secondPeak = Math.max(secondPeak, residentBytes[i]);
      }
    }
    return (double) (secondPeak - firstPeak) / (residentBytes.length - half);
  }
}
