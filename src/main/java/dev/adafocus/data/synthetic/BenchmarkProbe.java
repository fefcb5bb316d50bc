package dev.adafocus.data.synthetic;

import dev.adafocus.AdaFocusException;
import dev.adafocus.data.RgbFrame;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Measures, without training a deep model, how much a well-placed patch matters on a benchmark: how often a centre,
 * a uniformly random and an oracle P×P crop contain the object, and how well linear read-outs of raw grey pixels
 * (nearest class centroid, ridge regression) classify the glance view, the centre crop, a random crop and the oracle
 * crop (trained on train clips, scored on val clips, one frame per clip).
 */
public final class BenchmarkProbe {
  /** Ridge penalty as a fraction of the mean diagonal of the centred Gram matrix (fixed, not tuned on val). */
  private static final double RIDGE = 0.1;

  /** The views a frame is read through. */
  public enum View {
    /** The whole frame shrunk by the glance factor. */
    GLANCE,
    /** The P×P crop at the frame centre. */
    CENTRE,
    /** A P×P crop at a uniformly random position (drawn per frame). */
    RANDOM,
    /** The P×P crop centred on the ground-truth object box. */
    ORACLE
  }

  /**
   * Crop statistics: {@code whole} is the fraction of frames whose object box lies entirely inside the crop,
   * {@code meanVisible} the mean fraction of the box's area inside it; {@code clipWhole} and {@code clipHalf} are
   * the fractions of clips in which at least one frame's crop holds the whole box, or at least half of it (what a
   * classifier that pools over time can add up).
   */
  public record Coverage(double whole, double meanVisible, double clipWhole, double clipHalf) {}

  /** Val top-1 accuracy of the two read-outs on one view. */
  public record Accuracy(double nearestCentroid, double ridge) {}

  /** All results of one probe run, with its settings. */
  public record Report(int patch, int glanceFactor, int trainClips, int valClips, int classes,
      Map<View, Coverage> coverage, Map<View, Accuracy> accuracy) {}

  private BenchmarkProbe() {}

  /**
   * Runs the probe on the first {@code trainClips} train clips and {@code valClips} val clips of {@code config},
   * for a patch of {@code patch} pixels and a glance that shrinks frames {@code glanceFactor} times.
   */
  public static Report run(SyntheticBenchmark config, int patch, int glanceFactor, int trainClips, int valClips) {
    check(patch >= 1 && patch <= config.frameSize(), "patch must be in 1..frameSize (" + config.frameSize()
        + "), got " + patch);
    check(glanceFactor >= 1 && config.frameSize() % glanceFactor == 0,
        "glance factor must divide frameSize (" + config.frameSize() + "), got " + glanceFactor);
    check(trainClips >= config.numClasses() && trainClips <= config.trainClips(),
        "probe train clips must be in numClasses.." + config.trainClips() + ", got " + trainClips);
    check(valClips >= 1 && valClips <= config.valClips(),
        "probe val clips must be in 1.." + config.valClips() + ", got " + valClips);
    BenchmarkGenerator generator = new BenchmarkGenerator(config);
    Samples train = sample(generator, Split.TRAIN, trainClips, patch, glanceFactor);
    Samples val = sample(generator, Split.VAL, valClips, patch, glanceFactor);
    Map<View, Accuracy> accuracy = new EnumMap<>(View.class);
    for (View v : View.values()) {
      float[][] xTrain = train.features.get(v);
      float[][] xVal = val.features.get(v);
      accuracy.put(v, new Accuracy(
          LinearReadout.nearestCentroid(xTrain, train.labels, xVal, val.labels, config.numClasses()),
          LinearReadout.ridge(xTrain, train.labels, xVal, val.labels, config.numClasses(), RIDGE)));
    }
    return new Report(patch, glanceFactor, trainClips, valClips, config.numClasses(),
        coverage(generator, valClips, patch), accuracy);
  }

  /** Clips per second of generating {@code clips} train clips and rendering all their frames (one thread). */
  public static double clipsPerSecond(SyntheticBenchmark config, int clips) {
    check(clips >= 1 && clips <= config.trainClips(), "speed test clips must be in 1.." + config.trainClips()
        + ", got " + clips);
    BenchmarkGenerator generator = new BenchmarkGenerator(config);
    long start = System.nanoTime();
    long checksum = 0;
    for (int i = 0; i < clips; i++) {
      SyntheticClip clip = generator.clip(Split.TRAIN, i);
      for (int t = 0; t < clip.frameCount(); t++) {
        checksum += clip.frame(t).rgb()[0];
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return checksum == Long.MIN_VALUE ? 0 : clips / seconds;
  }

  /** Centre, random and oracle crop coverage over every frame of the first {@code clips} val clips. */
  static Map<View, Coverage> coverage(BenchmarkGenerator generator, int clips, int patch) {
    int side = generator.config().frameSize();
    SplittableRandom rng = new SplittableRandom(generator.config().seed() ^ 0x636f766572L);
    ObjectBox centre = centreCrop(side, patch);
    long frames = 0;
    long[] whole = new long[3];
    double[] visible = new double[3];
    long[] clipWhole = new long[3];
    long[] clipHalf = new long[3];
    for (int i = 0; i < clips; i++) {
      SyntheticClip clip = generator.clip(Split.VAL, i);
      boolean[] anyWhole = new boolean[3];
      boolean[] anyHalf = new boolean[3];
      for (int t = 0; t < clip.frameCount(); t++) {
        ObjectBox box = clip.box(t);
        ObjectBox[] crops = {centre, randomCrop(rng, side, patch), box.centredSquare(patch, side)};
        for (int k = 0; k < crops.length; k++) {
          boolean contained = crops[k].contains(box);
          double seen = (double) crops[k].overlapArea(box) / Math.max(1, (long) box.width() * box.height());
          whole[k] += contained ? 1 : 0;
          visible[k] += seen;
          anyWhole[k] |= contained;
          anyHalf[k] |= seen >= 0.5;
        }
        frames++;
      }
      for (int k = 0; k < 3; k++) {
        clipWhole[k] += anyWhole[k] ? 1 : 0;
        clipHalf[k] += anyHalf[k] ? 1 : 0;
      }
    }
    Map<View, Coverage> out = new EnumMap<>(View.class);
    View[] views = {View.CENTRE, View.RANDOM, View.ORACLE};
    for (int k = 0; k < views.length; k++) {
      out.put(views[k], new Coverage((double) whole[k] / frames, visible[k] / frames, (double) clipWhole[k] / clips,
          (double) clipHalf[k] / clips));
    }
    return out;
  }

  private record Samples(Map<View, float[][]> features, int[] labels) {}

  private static Samples sample(BenchmarkGenerator generator, Split split, int clips, int patch, int glanceFactor) {
    int side = generator.config().frameSize();
    SplittableRandom rng = new SplittableRandom(generator.config().seed() ^ (0x70726f6265L + split.ordinal()));
    Map<View, float[][]> features = new EnumMap<>(View.class);
    for (View v : View.values()) {
      features.put(v, new float[clips][]);
    }
    int[] labels = new int[clips];
    ObjectBox centre = centreCrop(side, patch);
    for (int i = 0; i < clips; i++) {
      SyntheticClip clip = generator.clip(split, i);
      int t = i % clip.frameCount();
      RgbFrame frame = clip.frame(t);
      labels[i] = clip.label();
      features.get(View.GLANCE)[i] = Views.grey(Views.downscale(frame, glanceFactor));
      features.get(View.CENTRE)[i] = Views.grey(Views.crop(frame, centre));
      features.get(View.RANDOM)[i] = Views.grey(Views.crop(frame, randomCrop(rng, side, patch)));
      features.get(View.ORACLE)[i] = Views.grey(Views.crop(frame, clip.box(t).centredSquare(patch, side)));
    }
    return new Samples(features, labels);
  }

  private static ObjectBox centreCrop(int side, int patch) {
    return new ObjectBox((side - patch) / 2, (side - patch) / 2, patch, patch);
  }

  private static ObjectBox randomCrop(SplittableRandom rng, int side, int patch) {
    return new ObjectBox(rng.nextInt(side - patch + 1), rng.nextInt(side - patch + 1), patch, patch);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new AdaFocusException("benchmark probe: " + message);
    }
  }
}
