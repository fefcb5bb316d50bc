package dev.adafocus.data.synthetic;

import dev.adafocus.AdaFocusException;

/**
 * Configuration of the built-in benchmark: square frames of {@code frameSize} pixels, {@code frames} per clip, one
 * MNIST digit (the class) scaled to {@code objectSize} pixels moving at {@code minSpeed..maxSpeed} pixels per frame
 * with bounces, {@code clutter} moving grey fragments of other digits of {@code clutterSize} pixels, Gaussian
 * pixel noise of standard deviation {@code noise} (fraction of the 0..255 range), and, with {@code colourCue}, the
 * target digit drawn in red among grey clutter so that a low-resolution view can locate it (but not read it).
 * {@code label} says what the class is: the digit ({@link LabelRule#DIGIT}), or the direction of a straight,
 * bounce-free motion ({@link LabelRule#DIRECTION}; the digit shown is then random).
 */
public record SyntheticBenchmark(
    int frameSize,
    int frames,
    int objectSize,
    double minSpeed,
    double maxSpeed,
    int clutter,
    int clutterSize,
    double noise,
    boolean colourCue,
    int numClasses,
    int trainClips,
    int valClips,
    long seed,
    LabelRule label) {

  /** Side of the MNIST canvas the digits come in. */
  public static final int GLYPH_SIDE = 28;
  /** Number of digit classes available. */
  public static final int MAX_CLASSES = 10;

  public SyntheticBenchmark {
    check(frameSize >= 16 && frameSize <= 1024 && frameSize % 2 == 0,
        "frameSize must be an even number of pixels in 16..1024, got " + frameSize);
    check(frames >= 1 && frames <= 1024, "frames must be in 1..1024, got " + frames);
    check(objectSize >= 8 && objectSize * 10 <= frameSize * 9,
        "objectSize must be at least 8 and at most 90% of frameSize (" + frameSize + "), got " + objectSize);
    check(minSpeed >= 0 && Double.isFinite(maxSpeed) && maxSpeed >= minSpeed && maxSpeed <= frameSize / 2.0,
        "speeds must satisfy 0 <= minSpeed <= maxSpeed <= frameSize/2, got minSpeed=" + minSpeed + ", maxSpeed="
            + maxSpeed);
    check(clutter >= 0 && clutter <= 1000, "clutter must be in 0..1000 fragments, got " + clutter);
    check(clutterSize >= 2 && clutterSize <= objectSize,
        "clutterSize must be in 2..objectSize (" + objectSize + "), got " + clutterSize);
    check(noise >= 0 && noise <= 1, "noise must be a standard deviation in 0..1, got " + noise);
    check(numClasses >= 2 && numClasses <= MAX_CLASSES,
        "numClasses must be in 2.." + MAX_CLASSES + " (the digits), got " + numClasses);
    check(trainClips >= 1, "trainClips must be at least 1, got " + trainClips);
    check(valClips >= 1, "valClips must be at least 1, got " + valClips);
    check(label != null, "label must be digit or direction");
    if (label == LabelRule.DIRECTION) {
      check(minSpeed > 0, "label direction needs minSpeed > 0 (a still object has no direction), got " + minSpeed);
      int room = frameSize - largestTargetSide(frameSize, objectSize);
      check(maxSpeed * (frames - 1) <= room, "label direction needs a straight path that stays inside the frame:"
          + " maxSpeed * (frames - 1) = " + maxSpeed * (frames - 1) + " must be at most " + room
          + " (frameSize minus the largest object)");
    }
  }

  /** The largest side a target sprite gets (the object size with its +10 % scale jitter). */
  static int largestTargetSide(int frameSize, int objectSize) {
    return Math.min(frameSize - 1, (int) Math.round(objectSize * 1.1));
  }

  /**
   * CPU-sized defaults for the demo: 128² frames, 8 frames, 28-px digits (about 20 px of ink) moving 2–4 px per
   * frame, 20 clutter fragments of 12 px, noise 0.1, red target, 10 classes, 4000 train and 1000 val clips, seed 0,
   * the class is the digit.
   */
  public static SyntheticBenchmark defaults() {
    return new SyntheticBenchmark(128, 8, 28, 2, 4, 20, 12, 0.1, true, 10, 4000, 1000, 0, LabelRule.DIGIT);
  }

  /** Number of clips in {@code split}. */
  public int clips(Split split) {
    return split == Split.TRAIN ? trainClips : valClips;
  }

  /** The same benchmark with other clip counts. */
  public SyntheticBenchmark withClips(int train, int val) {
    return new SyntheticBenchmark(frameSize, frames, objectSize, minSpeed, maxSpeed, clutter, clutterSize, noise,
        colourCue, numClasses, train, val, seed, label);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new AdaFocusException("invalid benchmark configuration: " + message);
    }
  }
}
