package dev.adafocus.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Compares the sampler with the official formulas (dossier §2.3), restated here independently. */
class FrameSamplerTest {
  private static final int[] SEGMENTS = {1, 2, 3, 7, 8, 12, 16, 48};

  /** {@code [int(tick / 2.0 + tick * x) for x in range(T)]} with tick = N / float(T); short videos padded. */
  private static int[] officialEval(int n, int t) {
    int[] out = new int[t];
    for (int x = 0; x < t; x++) {
      out[x] = n > t ? (int) ((double) n / t / 2.0 + (double) n / t * x) : Math.min(x, n - 1);
    }
    return out;
  }

  @Test
  void evalIndicesMatchTheSegmentCentreFormula() {
    for (int t : SEGMENTS) {
      for (int n = 1; n <= 400; n++) {
        assertArrayEquals(officialEval(n, t), FrameSampler.evalIndices(n, t), "n=" + n + " t=" + t);
      }
    }
  }

  @Test
  void evalKnownValues() {
    assertArrayEquals(new int[] {2, 7, 12, 17}, FrameSampler.evalIndices(20, 4));
    assertArrayEquals(new int[] {0, 1, 2, 2, 2}, FrameSampler.evalIndices(3, 5));
  }

  @Test
  void trainIndicesReplayTheOfficialDraws() {
    for (int t : SEGMENTS) {
      for (int n = 1; n <= 300; n += 7) {
        int[] got = FrameSampler.trainIndices(n, t, new SplittableRandom(n * 31L + t));
        SplittableRandom rng = new SplittableRandom(n * 31L + t);
        int avg = n / t;
        int[] want = new int[t];
        if (avg > 0) {
          for (int i = 0; i < t; i++) {
            want[i] = i * avg + rng.nextInt(avg);
          }
        } else if (n > t) {
          for (int i = 0; i < t; i++) {
            want[i] = rng.nextInt(n);
          }
          Arrays.sort(want);
        } else {
          for (int i = 0; i < t; i++) {
            want[i] = Math.min(i, n - 1);
          }
        }
        assertArrayEquals(want, got, "n=" + n + " t=" + t);
      }
    }
  }

  @Test
  void trainIndicesStayInsideTheirSegments() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int trial = 0; trial < 200; trial++) {
      int[] idx = FrameSampler.trainIndices(100, 16, rng);
      for (int i = 0; i < 16; i++) {
        assertTrue(idx[i] >= i * 6 && idx[i] < i * 6 + 6, "segment " + i + ": " + idx[i]);
      }
    }
    int[] sparse = FrameSampler.trainIndices(20, 16, rng);
    assertTrue(sparse[15] < 20 && sparse[0] >= 0);
    for (int i = 1; i < 16; i++) {
      assertTrue(sparse[i] >= sparse[i - 1]);
    }
  }

  @Test
  void coarseToFineOrders() {
    assertArrayEquals(new int[] {3, 0, 7, 1, 5, 2, 4, 6}, FrameSampler.coarseToFineOrder(8));
    assertArrayEquals(new int[] {5, 0, 11, 2, 8, 1, 3, 6, 9, 4, 7, 10}, FrameSampler.coarseToFineOrder(12));
    assertArrayEquals(new int[] {7, 0, 15, 3, 11, 1, 5, 9, 13, 2, 4, 6, 8, 10, 12, 14},
        FrameSampler.coarseToFineOrder(16));
  }

  @Test
  void everyOrderIsAPermutation() {
    for (int t = 1; t <= 64; t++) {
      int[] sorted = FrameSampler.coarseToFineOrder(t).clone();
      Arrays.sort(sorted);
      for (int i = 0; i < t; i++) {
        assertEquals(i, sorted[i], "t=" + t);
      }
    }
  }

  @Test
  void permuteAppliesTheOrder() {
    assertArrayEquals(new int[] {30, 0, 70, 10, 50, 20, 40, 60},
        FrameSampler.permute(new int[] {0, 10, 20, 30, 40, 50, 60, 70}, FrameSampler.coarseToFineOrder(8)));
  }

  @Test
  void stratifiedIndicesFollowTheUniAdaFocusFormula() {
    for (int n = 1; n <= 300; n += 13) {
      int[] eval = FrameSampler.stratifiedIndices(n, 48, false, null);
      SplittableRandom a = new SplittableRandom(n);
      SplittableRandom b = new SplittableRandom(n);
      int[] train = FrameSampler.stratifiedIndices(n, 48, true, a);
      for (int i = 0; i < 48; i++) {
        assertEquals((int) Math.floor((i + 0.5) / 48 * n), eval[i]);
        assertEquals((int) Math.floor((i + b.nextDouble()) / 48 * n), train[i]);
      }
    }
  }
}
