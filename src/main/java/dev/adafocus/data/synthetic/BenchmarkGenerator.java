package dev.adafocus.data.synthetic;

import dev.adafocus.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates the clips of a {@link SyntheticBenchmark}: clip {@code i} of split {@code s} is a pure function of
 * (seed, s, i). Thread-safe; creating a clip costs a few microseconds, rendering a 128² frame about 0.1 ms.
 */
public final class BenchmarkGenerator {
  private static final int[] RED = {255, 40, 40};
  /** Alpha from which a pixel of a digit may be the centre of a clutter fragment. */
  private static final int FRAGMENT_CENTRE_INK = 128;

  private final SyntheticBenchmark config;
  private final DigitGlyphs glyphs;
  private final NoiseBank noise;
  /** Digits scaled to the object size for clutter, filled lazily (a benign race: sprites are immutable). */
  private final Sprite[][][] clutterDigits = new Sprite[Split.values().length][SyntheticBenchmark.MAX_CLASSES][];

  /** A generator for {@code config}, using the shipped MNIST digits. */
  public BenchmarkGenerator(SyntheticBenchmark config) {
    this.config = config;
    this.glyphs = DigitGlyphs.shared();
    int frameBytes = config.frameSize() * config.frameSize() * 3;
    this.noise = config.noise() > 0 ? new NoiseBank(config.noise(), frameBytes, Seeds.mix(config.seed() ^ 0x6e6f697365L))
        : null;
  }

  /** The configuration this generator follows. */
  public SyntheticBenchmark config() {
    return config;
  }

  /** Number of clips in {@code split}. */
  public int size(Split split) {
    return config.clips(split);
  }

  /** Label of clip {@code index} of {@code split} without generating it (classes are balanced: index mod C). */
  public int label(Split split, int index) {
    checkIndex(split, index);
    return index % config.numClasses();
  }

  /** Clip {@code index} (0-based) of {@code split}. */
  public SyntheticClip clip(Split split, int index) {
    int label = label(split, index);
    SplittableRandom rng = new SplittableRandom(Seeds.mix(Seeds.mix(Seeds.mix(config.seed()) + split.ordinal() + 1) + index));
    int side = config.frameSize();
    int t = config.frames();

    int targetSide = Math.min(side - 1, (int) Math.round(config.objectSize() * rng.nextDouble(0.9, 1.1)));
    boolean byDirection = config.label() == LabelRule.DIRECTION;
    int shown = byDirection ? rng.nextInt(SyntheticBenchmark.MAX_CLASSES) : label;
    byte[] digit = glyphs.glyph(split, shown, rng.nextInt(glyphs.count(split, shown)));
    Sprite targetSprite = Sprite.scaled(digit, SyntheticBenchmark.GLYPH_SIDE, targetSide);
    int targetLevel = (int) Math.round(rng.nextDouble(0.5, 1.0) * 255);
    SyntheticClip.Moving target = byDirection ? straight(rng, targetSprite, 2 * Math.PI * label / config.numClasses(),
        targetLevel) : moving(rng, targetSprite, config.minSpeed(), config.maxSpeed(), targetLevel);
    int[] colour = config.colourCue() ? RED : new int[] {targetLevel, targetLevel, targetLevel};

    List<SyntheticClip.Moving> clutter = new ArrayList<>(config.clutter());
    for (int k = 0; k < config.clutter(); k++) {
      int d = rng.nextInt(SyntheticBenchmark.MAX_CLASSES);
      Sprite whole = clutterDigit(split, d, rng.nextInt(glyphs.count(split, d)));
      Sprite fragment = fragment(rng, whole, config.clutterSize());
      int level = (int) Math.round(rng.nextDouble(0.5, 1.0) * 255);
      clutter.add(moving(rng, fragment, 0, config.maxSpeed(), level));
    }

    int[] offsets = new int[t];
    if (noise != null) {
      int max = noise.maxOffset(side * side * 3);
      for (int i = 0; i < t; i++) {
        offsets[i] = rng.nextInt(max + 1);
      }
    }
    return new SyntheticClip(split, index, label, side, target, colour, clutter, noise, offsets);
  }

  /** Digit image {@code k} scaled to the object size (clutter uses no scale jitter). */
  private Sprite clutterDigit(Split split, int digit, int k) {
    Sprite[][] bySplit = clutterDigits[split.ordinal()];
    Sprite[] sprites = bySplit[digit];
    if (sprites == null) {
      sprites = new Sprite[glyphs.count(split, digit)];
      bySplit[digit] = sprites;
    }
    Sprite s = sprites[k];
    if (s == null) {
      s = Sprite.scaled(glyphs.glyph(split, digit, k), SyntheticBenchmark.GLYPH_SIDE, config.objectSize());
      sprites[k] = s;
    }
    return s;
  }

  /** A window of {@code size} pixels of {@code whole}, centred on a random inked pixel where possible. */
  private static Sprite fragment(SplittableRandom rng, Sprite whole, int size) {
    int cx = rng.nextInt(whole.width);
    int cy = rng.nextInt(whole.height);
    for (int attempt = 0; attempt < 64 && whole.at(cx, cy) < FRAGMENT_CENTRE_INK; attempt++) {
      cx = rng.nextInt(whole.width);
      cy = rng.nextInt(whole.height);
    }
    int x = Math.max(0, Math.min(whole.width - size, cx - size / 2));
    int y = Math.max(0, Math.min(whole.height - size, cy - size / 2));
    return whole.crop(x, y, size, size);
  }

  /** Constant-velocity motion with reflections at the frame border, random start, direction and speed. */
  private SyntheticClip.Moving moving(SplittableRandom rng, Sprite sprite, double minSpeed, double maxSpeed,
      int level) {
    int t = config.frames();
    double maxX = config.frameSize() - sprite.width;
    double maxY = config.frameSize() - sprite.height;
    double x = rng.nextDouble() * maxX;
    double y = rng.nextDouble() * maxY;
    double angle = rng.nextDouble() * 2 * Math.PI;
    double speed = maxSpeed > minSpeed ? rng.nextDouble(minSpeed, maxSpeed) : minSpeed;
    double vx = speed * Math.cos(angle);
    double vy = speed * Math.sin(angle);
    int[] left = new int[t];
    int[] top = new int[t];
    for (int i = 0; i < t; i++) {
      left[i] = (int) Math.round(x);
      top[i] = (int) Math.round(y);
      x += vx;
      y += vy;
      if (x < 0 || x > maxX) {
        x = x < 0 ? -x : 2 * maxX - x;
        vx = -vx;
      }
      if (y < 0 || y > maxY) {
        y = y < 0 ? -y : 2 * maxY - y;
        vy = -vy;
      }
      x = Math.max(0, Math.min(maxX, x));
      y = Math.max(0, Math.min(maxY, y));
    }
    return new SyntheticClip.Moving(sprite, left, top, level);
  }

  /**
   * Straight motion in direction {@code angle} at a random speed, from a random start chosen so that the whole path
   * stays inside the frame (no bounce reverses the direction; {@link SyntheticBenchmark} checks that it fits).
   */
  private SyntheticClip.Moving straight(SplittableRandom rng, Sprite sprite, double angle, int level) {
    int t = config.frames();
    double speed = config.maxSpeed() > config.minSpeed() ? rng.nextDouble(config.minSpeed(), config.maxSpeed())
        : config.minSpeed();
    double vx = speed * Math.cos(angle);
    double vy = speed * Math.sin(angle);
    double x = startOnPath(rng, config.frameSize() - sprite.width, vx * (t - 1));
    double y = startOnPath(rng, config.frameSize() - sprite.height, vy * (t - 1));
    int[] left = new int[t];
    int[] top = new int[t];
    for (int i = 0; i < t; i++) {
      left[i] = (int) Math.round(Math.max(0, Math.min(config.frameSize() - sprite.width, x + vx * i)));
      top[i] = (int) Math.round(Math.max(0, Math.min(config.frameSize() - sprite.height, y + vy * i)));
    }
    return new SyntheticClip.Moving(sprite, left, top, level);
  }

  /** A uniform start in [0, max] from which a displacement of {@code travel} stays in [0, max]. */
  private static double startOnPath(SplittableRandom rng, double max, double travel) {
    double lo = Math.max(0, -travel);
    double hi = Math.min(max, max - travel);
    return hi > lo ? rng.nextDouble(lo, hi) : lo;
  }

  private void checkIndex(Split split, int index) {
    if (index < 0 || index >= config.clips(split)) {
      throw new IndexOutOfBoundsException(split.fileName() + " clip " + index + " does not exist (the split has "
          + config.clips(split) + " clips)");
    }
  }
}
