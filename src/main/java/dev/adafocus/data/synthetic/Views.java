package dev.adafocus.data.synthetic;

import dev.adafocus.data.RgbFrame;

/** The views of a frame that the benchmark's diagnostics compare: the low-resolution glance and P×P crops. */
final class Views {
  private Views() {}

  /** The frame shrunk by an integer {@code factor} with area averaging (what a glance network sees). */
  static RgbFrame downscale(RgbFrame frame, int factor) {
    int w = frame.width() / factor;
    int h = frame.height() / factor;
    byte[] out = new byte[w * h * 3];
    int n = factor * factor;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < 3; c++) {
          int sum = 0;
          for (int dy = 0; dy < factor; dy++) {
            for (int dx = 0; dx < factor; dx++) {
              sum += frame.at(x * factor + dx, y * factor + dy, c);
            }
          }
          out[(y * w + x) * 3 + c] = (byte) ((sum + n / 2) / n);
        }
      }
    }
    return new RgbFrame(w, h, out);
  }

  /** The pixels of {@code box}, which must lie inside the frame. */
  static RgbFrame crop(RgbFrame frame, ObjectBox box) {
    byte[] out = new byte[box.width() * box.height() * 3];
    for (int r = 0; r < box.height(); r++) {
      System.arraycopy(frame.rgb(), ((box.y() + r) * frame.width() + box.x()) * 3, out, r * box.width() * 3,
          box.width() * 3);
    }
    return new RgbFrame(box.width(), box.height(), out);
  }

  /** Grey levels in 0..1 (mean of the three channels), row-major. */
  static float[] grey(RgbFrame frame) {
    float[] out = new float[frame.width() * frame.height()];
    byte[] rgb = frame.rgb();
    for (int i = 0; i < out.length; i++) {
      out[i] = ((rgb[3 * i] & 0xff) + (rgb[3 * i + 1] & 0xff) + (rgb[3 * i + 2] & 0xff)) / 765f;
    }
    return out;
  }
}
