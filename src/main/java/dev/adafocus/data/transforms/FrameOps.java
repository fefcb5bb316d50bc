package dev.adafocus.data.transforms;

import dev.adafocus.data.RgbFrame;

/** Pixel-exact crop and mirror of one frame. */
public final class FrameOps {
  private FrameOps() {}

  /** The w×h region with top-left (x, y); pixels outside the frame are black, as in PIL's {@code crop}. */
  public static RgbFrame crop(RgbFrame src, int x, int y, int w, int h) {
    byte[] out = new byte[w * h * 3];
    byte[] in = src.rgb();
    int x0 = Math.max(x, 0);
    int x1 = Math.min(x + w, src.width());
    for (int r = 0; r < h; r++) {
      int sy = y + r;
      if (sy < 0 || sy >= src.height() || x1 <= x0) {
        continue;
      }
      System.arraycopy(in, (sy * src.width() + x0) * 3, out, (r * w + x0 - x) * 3, (x1 - x0) * 3);
    }
    return new RgbFrame(w, h, out);
  }

  /** The frame mirrored left-right. */
  public static RgbFrame flipHorizontal(RgbFrame src) {
    int w = src.width();
    byte[] in = src.rgb();
    byte[] out = new byte[in.length];
    for (int y = 0; y < src.height(); y++) {
      for (int x = 0; x < w; x++) {
        System.arraycopy(in, (y * w + x) * 3, out, (y * w + w - 1 - x) * 3, 3);
      }
    }
    return new RgbFrame(w, src.height(), out);
  }
}
