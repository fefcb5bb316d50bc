package dev.adafocus.bench;

import java.util.Arrays;

/** Repeated measurements of one quantity (milliseconds, ratios), with the median and the spread. */
public record Samples(double[] values) {
  public Samples {
    if (values.length == 0) {
      throw new IllegalArgumentException("no measurements");
    }
    values = values.clone();
  }

  public double median() {
    return quantile(0.5);
  }

  public double min() {
    return sorted()[0];
  }

  public double max() {
    double[] s = sorted();
    return s[s.length - 1];
  }

  /** Linear-interpolated quantile q ∈ [0, 1] of the samples. */
  public double quantile(double q) {
    double[] s = sorted();
    double pos = q * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, s.length - 1);
    return s[lo] + (pos - lo) * (s[hi] - s[lo]);
  }

  private double[] sorted() {
    double[] s = values.clone();
    Arrays.sort(s);
    return s;
  }
}
