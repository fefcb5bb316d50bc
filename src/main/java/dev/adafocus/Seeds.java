package dev.adafocus;

/**
 * Seeds derived from other seeds: SplitMix64's finaliser, and the seed of libtorch's global generator (random patches,
 * dropout) for each training step, derived from (run seed, epoch, iteration), so that a resumed run needs only the
 * epoch number to continue exactly. (Data order and augmentation are derived from (seed, epoch) by the data source
 * itself.)
 */
public final class Seeds {
  private Seeds() {}

  /** A well-mixed 63-bit seed for training step {@code iteration} of {@code epoch}. */
  public static long step(long seed, int epoch, int iteration) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    h = mix(h ^ epoch);
    h = mix(h ^ iteration);
    return h & Long.MAX_VALUE;
  }

  /** SplitMix64's finaliser: spreads nearby seeds over the whole 64-bit range. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
