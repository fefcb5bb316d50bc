package dev.adafocus.eval;

import java.util.Arrays;

/** Orders items by a float score, highest first, equal scores keeping their index order (a stable descending sort). */
public final class Ranking {
  private Ranking() {}

  /** Indices of {@code scores} from the highest score to the lowest; equal scores in increasing index order. */
  public static int[] descending(float[] scores) {
    long[] keys = new long[scores.length];
    for (int i = 0; i < scores.length; i++) {
      keys[i] = ((long) ~sortableBits(scores[i]) << 32) | i;
    }
    Arrays.sort(keys);
    int[] order = new int[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = (int) keys[i];
    }
    return order;
  }

  /** An int whose signed order is the float order (-0 below +0; NaN is rejected). */
  private static int sortableBits(float v) {
    if (Float.isNaN(v)) {
      throw new IllegalArgumentException("cannot rank NaN");
    }
    int bits = Float.floatToIntBits(v);
    return bits ^ ((bits >> 31) & 0x7fffffff);
  }
}
