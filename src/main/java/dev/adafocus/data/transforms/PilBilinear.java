package dev.adafocus.data.transforms;

import dev.adafocus.data.RgbFrame;

/**
 * Bilinear resize as Pillow computes it for 8-bit images: a triangle filter whose support is stretched by the
 * down-scaling factor (antialiasing), fixed-point weights with 22 fraction bits, a horizontal then a vertical pass,
 * each rounded and clipped to 0..255.
 */
public final class PilBilinear {
  private static final int PRECISION_BITS = 32 - 8 - 2;

  private PilBilinear() {}

  /** {@code src} resized to {@code outW}×{@code outH}. */
  public static RgbFrame resize(RgbFrame src, int outW, int outH) {
    if (outW < 1 || outH < 1) {
      throw new IllegalArgumentException("output size must be positive, got " + outW + "x" + outH);
    }
    RgbFrame out = src;
    if (outW != src.width()) {
      out = horizontal(out, outW);
    }
    if (outH != src.height()) {
      out = vertical(out, outH);
    }
    return out;
  }

  /** Per output position: the first input index, the number of taps, and the fixed-point weights. */
  private record Coefficients(int[] first, int[] count, int[][] weights) {}

  private static Coefficients coefficients(int inSize, int outSize) {
    double scale = (double) inSize / outSize;
    double filterScale = Math.max(scale, 1.0);
    double support = filterScale;
    int[] first = new int[outSize];
    int[] count = new int[outSize];
    int[][] weights = new int[outSize][];
    for (int o = 0; o < outSize; o++) {
      double center = (o + 0.5) * scale;
      int min = Math.max((int) (center - support + 0.5), 0);
      int max = Math.min((int) (center + support + 0.5), inSize) - min;
      double[] w = new double[max];
      double sum = 0;
      for (int k = 0; k < max; k++) {
        w[k] = triangle((k + min - center + 0.5) / filterScale);
        sum += w[k];
      }
      int[] fixed = new int[max];
      for (int k = 0; k < max; k++) {
        double v = sum != 0 ? w[k] / sum : w[k];
        fixed[k] = (int) (v < 0 ? -0.5 + v * (1 << PRECISION_BITS) : 0.5 + v * (1 << PRECISION_BITS));
      }
      first[o] = min;
      count[o] = max;
      weights[o] = fixed;
    }
    return new Coefficients(first, count, weights);
  }

  private static double triangle(double x) {
    double a = Math.abs(x);
    return a < 1.0 ? 1.0 - a : 0.0;
  }

  private static int clip8(int acc) {
    int v = acc >> PRECISION_BITS;
    return v < 0 ? 0 : Math.min(v, 255);
  }

  private static RgbFrame horizontal(RgbFrame src, int outW) {
    Coefficients c = coefficients(src.width(), outW);
    byte[] in = src.rgb();
    int h = src.height();
    int inW = src.width();
    byte[] out = new byte[outW * h * 3];
    for (int y = 0; y < h; y++) {
      int row = y * inW * 3;
      for (int x = 0; x < outW; x++) {
        int[] w = c.weights[x];
        int base = row + c.first[x] * 3;
        for (int ch = 0; ch < 3; ch++) {
          int acc = 1 << (PRECISION_BITS - 1);
          for (int k = 0; k < c.count[x]; k++) {
            acc += (in[base + k * 3 + ch] & 0xff) * w[k];
          }
          out[(y * outW + x) * 3 + ch] = (byte) clip8(acc);
        }
      }
    }
    return new RgbFrame(outW, h, out);
  }

  private static RgbFrame vertical(RgbFrame src, int outH) {
    Coefficients c = coefficients(src.height(), outH);
    byte[] in = src.rgb();
    int w = src.width();
    int stride = w * 3;
    byte[] out = new byte[w * outH * 3];
    for (int y = 0; y < outH; y++) {
      int[] wy = c.weights[y];
      int base = c.first[y] * stride;
      for (int i = 0; i < stride; i++) {
        int acc = 1 << (PRECISION_BITS - 1);
        for (int k = 0; k < c.count[y]; k++) {
          acc += (in[base + k * stride + i] & 0xff) * wy[k];
        }
        out[y * stride + i] = (byte) clip8(acc);
      }
    }
    return new RgbFrame(w, outH, out);
  }
}
