package dev.adafocus.train;

/**
 * Derives every random stream of a run from (seed, stream, epoch, iteration), so that a resumed run needs only the
 * epoch number to continue exactly: data order and augmentation per epoch, libtorch's generator (random patches,
 * dropout) per training step.
 */
public final class Seeds {
  /** Stream of the training data order and augmentation of one epoch. */
  public static final int DATA = 1;
  /** Stream of libtorch's global generator during one training step. */
  public static final int STEP = 2;
  /** Stream of the evaluation data (sampling is deterministic there, but loaders may still draw). */
  public static final int EVAL = 3;

  private Seeds() {}

  /** A well-mixed 63-bit seed for one stream of one (epoch, iteration); iteration -1 for per-epoch streams. */
  public static long derive(long seed, int stream, int epoch, int iteration) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    h = mix(h ^ stream);
    h = mix(h ^ epoch);
    h = mix(h ^ iteration);
    return h & Long.MAX_VALUE;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
