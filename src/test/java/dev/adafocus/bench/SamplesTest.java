package dev.adafocus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Summary statistics of repeated measurements and the memory-growth estimate. */
class SamplesTest {
  @Test
  void medianAndSpreadOfUnsortedSamples() {
    Samples s = new Samples(new double[] {9, 1, 5, 3});
    assertEquals(4.0, s.median(), 1e-12);
    assertEquals(1.0, s.min(), 0);
    assertEquals(9.0, s.max(), 0);
    assertEquals(2.5, s.quantile(0.25), 1e-12);
    assertEquals(5.0, new Samples(new double[] {5}).median(), 0);
    assertThrows(IllegalArgumentException.class, () -> new Samples(new double[0]));
  }

  @Test
  void memoryGrowthIsJudgedByThePeaks() {
    // a warm-up jump, then flat: no growth
    assertEquals(0.0, new MemoryTrace(new long[] {100, 500, 500, 500, 500}).peakGrowthPerIteration(), 0);
    // bounded but oscillating (allocator pools): the second half never exceeds the first half's peak
    assertEquals(-10.0 / 3, new MemoryTrace(new long[] {100, 190, 120, 180, 150}).peakGrowthPerIteration(), 1e-12);
    // a steady leak of 10 bytes per iteration
    assertEquals(10.0, new MemoryTrace(new long[] {100, 110, 120, 130, 140}).peakGrowthPerIteration(), 1e-12);
  }
}
