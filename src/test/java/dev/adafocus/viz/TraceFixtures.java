package dev.adafocus.viz;

import dev.adafocus.data.RgbFrame;
import java.util.ArrayList;
import java.util.List;

/** Small traces for the viz tests: textured frames whose pixels are never the box colour. */
final class TraceFixtures {
  private TraceFixtures() {}

  /** A w×h frame with a diagonal gradient and a moving square; blue is always 40..215, so never pure yellow. */
  static RgbFrame texturedFrame(int w, int h, int seed) {
    byte[] rgb = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = (y * w + x) * 3;
        boolean square = Math.abs(x - (seed * 7) % w) < 5 && Math.abs(y - (seed * 5) % h) < 5;
        rgb[i] = (byte) (square ? 230 : (x * 255 / w));
        rgb[i + 1] = (byte) (square ? 30 : (y * 255 / h));
        rgb[i + 2] = (byte) (40 + ((x + y + seed) * 13) % 176);
      }
    }
    return new RgbFrame(w, h, rgb);
  }

  /** A trace with one step per (a_y, a_x) pair, frames w×h, visited in the order of {@code frameIndices}. */
  static FocusTrace trace(int w, int h, int inputSize, int patchSize, InputMapping mapping, double[][] locations,
      int[] frameIndices) {
    List<FocusTrace.Step> steps = new ArrayList<>();
    for (int t = 0; t < locations.length; t++) {
      List<ClassScore> top = List.of(new ClassScore("digit " + (t % 10), 0.5 + 0.05 * t),
          new ClassScore("digit " + ((t + 3) % 10), 0.2));
      steps.add(new FocusTrace.Step(frameIndices[t], texturedFrame(w, h, frameIndices[t]), locations[t][0],
          locations[t][1], top));
    }
    return FocusTrace.of(steps, inputSize, patchSize, mapping);
  }

  /** Expected first column (or row) of the box outline: a·(S−P) model pixels, mapped and scaled, rounded. */
  static int expectedStart(double a, int inputSize, int patchSize, double offset, double mapScale, double display) {
    return (int) Math.round((offset + a * (inputSize - patchSize) * mapScale) * display);
  }

  /** Expected one-past-last column (or row) of the box outline. */
  static int expectedEnd(double a, int inputSize, int patchSize, double offset, double mapScale, double display) {
    return (int) Math.round((offset + (a * (inputSize - patchSize) + patchSize) * mapScale) * display);
  }

  /** Whether the pixel at (x, y) of {@code img} is exactly the box colour. */
  static boolean isBox(java.awt.image.BufferedImage img, int x, int y) {
    return (img.getRGB(x, y) & 0xffffff) == (PatchOverlay.BOX_COLOR.getRGB() & 0xffffff);
  }
}
