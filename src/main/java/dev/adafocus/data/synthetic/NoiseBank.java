package dev.adafocus.data.synthetic;

import java.util.SplittableRandom;

/** Precomputed Gaussian pixel noise; each frame adds a window of it starting at a random offset. */
final class NoiseBank {
  /** Saturating lookup: {@code SATURATE[v + 128]} is v clamped to 0..255, for v in -128..383. */
  private static final byte[] SATURATE = new byte[512];

  static {
    for (int i = 0; i < SATURATE.length; i++) {
      SATURATE[i] = (byte) Math.max(0, Math.min(255, i - 128));
    }
  }

  private final byte[] values;

  /** Noise of standard deviation {@code sigma} (fraction of 0..255), long enough for frames of {@code frameBytes}. */
  NoiseBank(double sigma, int frameBytes, long seed) {
    values = new byte[Math.max(1 << 20, 2 * frameBytes)];
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < values.length; i++) {
      values[i] = (byte) Math.max(-127, Math.min(127, Math.round(rng.nextGaussian() * sigma * 255)));
    }
  }

  /** Largest valid window offset for frames of {@code frameBytes}. */
  int maxOffset(int frameBytes) {
    return values.length - frameBytes;
  }

  /** Adds the window at {@code offset} to the RGB bytes, saturating at 0 and 255. */
  void addTo(byte[] rgb, int offset) {
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = SATURATE[(rgb[i] & 0xff) + values[offset + i] + 128];
    }
  }
}
