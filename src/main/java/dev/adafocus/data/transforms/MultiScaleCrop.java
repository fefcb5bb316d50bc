package dev.adafocus.data.transforms;

import dev.adafocus.data.RgbFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The training crop ({@code GroupMultiScaleCrop} with the 13 fixed offsets): a crop of side ⌊min(W,H)·s⌋ per
 * scale s (a side within 3 px of the output size snaps to it), width and height scales at most {@code maxDistort}
 * steps apart, placed at one of 13 fixed positions, then resized to the output size (PIL bilinear). One choice
 * per clip.
 */
public record MultiScaleCrop(int outputSize, double[] scales, int maxDistort) implements ClipTransform {
  /** The official scales {1, .875, .75, .66}. */
  public static final double[] DEFAULT_SCALES = {1, .875, .75, .66};

  /** A crop size (width, height) and its top-left corner. */
  public record Region(int x, int y, int w, int h) {}

  /** The official configuration for an output of {@code outputSize} pixels. */
  public static MultiScaleCrop standard(int outputSize) {
    return new MultiScaleCrop(outputSize, DEFAULT_SCALES, 1);
  }

  public MultiScaleCrop {
    scales = scales.clone();
  }

  @Override
  public List<RgbFrame> apply(List<RgbFrame> clip, RandomGenerator rng) {
    RgbFrame first = clip.get(0);
    Region r = sample(first.width(), first.height(), rng);
    return clip.stream()
        .map(f -> PilBilinear.resize(FrameOps.crop(f, r.x, r.y, r.w, r.h), outputSize, outputSize))
        .toList();
  }

  /** Draws the crop for an image of the given size: first the (w, h) pair, then one of the fixed offsets. */
  public Region sample(int imageW, int imageH, RandomGenerator rng) {
    List<int[]> pairs = cropSizes(imageW, imageH);
    int[] wh = pairs.get(rng.nextInt(pairs.size()));
    List<int[]> offsets = fixedOffsets(imageW, imageH, wh[0], wh[1]);
    int[] xy = offsets.get(rng.nextInt(offsets.size()));
    return new Region(xy[0], xy[1], wh[0], wh[1]);
  }

  /** The allowed (w, h) crop sizes, in the official enumeration order (height scale outer, width inner). */
  public List<int[]> cropSizes(int imageW, int imageH) {
    int base = Math.min(imageW, imageH);
    int[] sides = new int[scales.length];
    for (int i = 0; i < scales.length; i++) {
      int s = (int) (base * scales[i]);
      sides[i] = Math.abs(s - outputSize) < 3 ? outputSize : s;
    }
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < sides.length; i++) {
      for (int j = 0; j < sides.length; j++) {
        if (Math.abs(i - j) <= maxDistort) {
          pairs.add(new int[] {sides[j], sides[i]});
        }
      }
    }
    return pairs;
  }

  /**
   * The 13 candidate top-left corners (x, y) on the grid with steps ⌊(W-w)/4⌋, ⌊(H-h)/4⌋: 4 corners, centre,
   * centre-left, centre-right, lower centre, upper centre, then the 4 quarter points.
   */
  public static List<int[]> fixedOffsets(int imageW, int imageH, int cropW, int cropH) {
    int ws = Math.floorDiv(imageW - cropW, 4);
    int hs = Math.floorDiv(imageH - cropH, 4);
    int[][] grid = {{0, 0}, {4, 0}, {0, 4}, {4, 4}, {2, 2}, {0, 2}, {4, 2}, {2, 4}, {2, 0},
        {1, 1}, {3, 1}, {1, 3}, {3, 3}};
    List<int[]> out = new ArrayList<>(grid.length);
    for (int[] g : grid) {
      out.add(new int[] {g[0] * ws, g[1] * hs});
    }
    return out;
  }
}
