package dev.adafocus.recipe;

import dev.adafocus.data.synthetic.BenchmarkGenerator;
import dev.adafocus.data.synthetic.ObjectBox;
import dev.adafocus.data.synthetic.Split;
import dev.adafocus.data.synthetic.SyntheticClip;
import dev.adafocus.data.transforms.Normalize;
import dev.adafocus.engine.Tensors;
import dev.adafocus.models.adafocus.PatchCrop;
import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.Tensor;

/**
 * A batch for the built-in benchmark's warm-ups: every frame of random training clips [N, 3, S, S], the normalised
 * top-left location [N, 2] of a patch around the target in that frame (shifted by up to {@code jitter} pixels), and
 * the clip labels [N].
 */
record WarmupBatch(Tensor frames, Tensor locations, Tensor labels) {

  /** Draws {@code clips} training clips; the frames must be of the model's input size {@code side}. */
  static WarmupBatch sample(BenchmarkGenerator gen, int clips, int side, int patch, double jitter, SplittableRandom rng) {
    if (gen.config().frameSize() != side) {
      throw new IllegalArgumentException("the warm-up needs benchmark frames of the model input size " + side
          + ", got " + gen.config().frameSize());
    }
    int frames = gen.config().frames();
    float[] pixels = new float[clips * frames * 3 * side * side];
    float[] locations = new float[clips * frames * 2];
    long[] labels = new long[clips * frames];
    for (int c = 0; c < clips; c++) {
      SyntheticClip clip = gen.clip(Split.TRAIN, rng.nextInt(gen.size(Split.TRAIN)));
      for (int t = 0; t < frames; t++) {
        int row = c * frames + t;
        Normalize.IMAGENET.write(List.of(clip.frame(t)), pixels, row * 3 * side * side);
        ObjectBox box = clip.box(t);
        locations[row * 2] = location(box.centreY() - patch / 2.0 + shift(jitter, rng), side, patch);
        locations[row * 2 + 1] = location(box.centreX() - patch / 2.0 + shift(jitter, rng), side, patch);
        labels[row] = clip.label();
      }
    }
    int n = clips * frames;
    return new WarmupBatch(Tensors.floats(pixels, n, 3, side, side), Tensors.floats(locations, n, 2),
        Tensors.longs(labels, n));
  }

  private static double shift(double jitter, SplittableRandom rng) {
    return jitter > 0 ? rng.nextDouble(-jitter, jitter) : 0;
  }

  /** Normalised top-left location of a patch whose top-left pixel is {@code topLeft}, clamped to the frame. */
  private static float location(double topLeft, int side, int patch) {
    return (float) PatchCrop.clampToFrame(topLeft / (side - patch));
  }

  /** Number of rows (frames). */
  long rows() {
    return labels.size(0);
  }
}
