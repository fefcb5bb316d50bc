package dev.adafocus.data;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * TSN segment sampling and the coarse-to-fine frame order, as pure functions (0-based frame indices; frame file
 * k+1 holds index k).
 */
public final class FrameSampler {
  private FrameSampler() {}

  /**
   * Training indices for a video of {@code n} frames cut into {@code t} segments: with avg = n / t (integer division)
   * &gt; 0, index i = i·avg + U{0..avg-1}, one draw per segment in order; if avg = 0 and n &gt; t, t sorted uniform
   * draws from 0..n-1; otherwise 0..n-1 padded with the last frame.
   */
  public static int[] trainIndices(int n, int t, RandomGenerator rng) {
    check(n, t);
    int avg = n / t;
    int[] idx = new int[t];
    if (avg > 0) {
      for (int i = 0; i < t; i++) {
        idx[i] = i * avg + rng.nextInt(avg);
      }
    } else if (n > t) {
      for (int i = 0; i < t; i++) {
        idx[i] = rng.nextInt(n);
      }
      Arrays.sort(idx);
    } else {
      padded(n, idx);
    }
    return idx;
  }

  /** Evaluation indices: segment centres ⌊tick/2 + tick·i⌋ with tick = n/t; videos with n ≤ t are padded. */
  public static int[] evalIndices(int n, int t) {
    check(n, t);
    int[] idx = new int[t];
    if (n > t) {
      double tick = (double) n / t;
      for (int i = 0; i < t; i++) {
        idx[i] = (int) (tick / 2.0 + tick * i);
      }
    } else {
      padded(n, idx);
    }
    return idx;
  }

  /** Training or evaluation indices. */
  public static int[] indices(int n, int t, boolean training, RandomGenerator rng) {
    return training ? trainIndices(n, t, rng) : evalIndices(n, t);
  }

  /**
   * Uni-AdaFocus's stratified sampling: index i = ⌊(i + ξ)/t · n⌋ with ξ ~ U(0,1) drawn per segment in training and
   * ξ = 0.5 in evaluation.
   */
  public static int[] stratifiedIndices(int n, int t, boolean training, RandomGenerator rng) {
    check(n, t);
    int[] idx = new int[t];
    for (int i = 0; i < t; i++) {
      double xi = training ? rng.nextDouble() : 0.5;
      idx[i] = Math.min((int) Math.floor((i + xi) / t * n), n - 1);
    }
    return idx;
  }

  /**
   * The coarse-to-fine order of the official {@code --sample} option: start with [⌊(t-1)/2⌋, 0, t-1]; then, with
   * q = 2, 4, 8, …, add the midpoint ⌊(a+b)/2⌋ of each pair of consecutive breakpoints ⌊linspace(0, t-1, q+1)⌋ not yet
   * present. T = 16 gives 7,0,15,3,11,1,5,9,13,2,4,6,8,10,12,14.
   */
  public static int[] coarseToFineOrder(int t) {
    if (t < 1) {
      throw new IllegalArgumentException("need at least one frame, got " + t);
    }
    int[] order = new int[t];
    boolean[] used = new boolean[t];
    int size = 0;
    for (int s : new int[] {(t - 1) / 2, 0, t - 1}) {
      if (size < t && !used[s]) {
        used[s] = true;
        order[size++] = s;
      }
    }
    for (int q = 2; size < t; q *= 2) {
      int[] breaks = new int[q + 1];
      for (int k = 0; k <= q; k++) {
        breaks[k] = (int) Math.floor(linspace(0, t - 1, q + 1, k));
      }
      for (int k = 0; k < q && size < t; k++) {
        int mid = (breaks[k] + breaks[k + 1]) / 2;
        if (!used[mid]) {
          used[mid] = true;
          order[size++] = mid;
        }
      }
    }
    return order;
  }

  /** {@code values} permuted by {@code order}: result[k] = values[order[k]]. */
  public static int[] permute(int[] values, int[] order) {
    int[] out = new int[order.length];
    for (int k = 0; k < order.length; k++) {
      out[k] = values[order[k]];
    }
    return out;
  }

  /** numpy's linspace(start, stop, num)[k] with the endpoint included. */
  private static double linspace(double start, double stop, int num, int k) {
    if (k == num - 1) {
      return stop;
    }
    double step = (stop - start) / (num - 1);
    return start + k * step;
  }

  private static void padded(int n, int[] idx) {
    for (int i = 0; i < idx.length; i++) {
      idx[i] = Math.min(i, n - 1);
    }
  }

  private static void check(int n, int t) {
    if (n < 1 || t < 1) {
      throw new IllegalArgumentException("need n >= 1 frames and t >= 1 segments, got n=" + n + ", t=" + t);
    }
  }
}
