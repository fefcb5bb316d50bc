package dev.adafocus.bench;

import org.bytedeco.javacpp.Pointer;

/**
 * Resident memory of the process (native heap included) after each iteration of a loop. A loop without a leak levels
 * off after the first iterations (allocator pools fill up), so growth is judged over the second half.
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

  /** Average resident growth per iteration over the second half of the loop, in bytes (≈ 0 without a leak). */
  public double growthPerIterationSecondHalf() {
    int mid = (residentBytes.length - 1) / 2;
    int end = residentBytes.length - 1;
    return (double) (residentBytes[end] - residentBytes[mid]) / (end - mid);
  }
}
