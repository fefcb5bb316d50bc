package dev.adafocus.testing;

import dev.adafocus.Seeds;
import java.nio.charset.StandardCharsets;

/**
 * The deterministic weight rule of the parity fixtures: v_i = 2·((z_i ≫ 40) / 2²⁴) − 1 with
 * z_i = splitmix64-mix((fnv1a64(name) ^ seed) + (i+1)·0x9E3779B97F4A7C15); value = offset + scale·v_i in float32.
 */
public final class SplitMixWeights {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private SplitMixWeights() {}

  /** The {@code n} values of tensor {@code name}. */
  public static float[] values(String name, long seed, int n, float scale, float offset) {
    long h = fnv1a64(name);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      long z = Seeds.mix((h ^ seed) + (i + 1L) * GOLDEN);
      float v = 2f * ((z >>> 40) / 16777216f) - 1f;
      out[i] = offset + scale * v;
    }
    return out;
  }

  static long fnv1a64(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
