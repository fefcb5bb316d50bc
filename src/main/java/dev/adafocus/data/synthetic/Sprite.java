package dev.adafocus.data.synthetic;

/** A grey alpha bitmap (0 = transparent, 255 = full ink) that is pasted into generated frames. */
final class Sprite {
  final int width;
  final int height;
  final byte[] alpha;

  Sprite(int width, int height, byte[] alpha) {
    this.width = width;
    this.height = height;
    this.alpha = alpha;
  }

  /** A square source bitmap resampled bilinearly (pixel-centre convention) to {@code side}×{@code side}. */
  static Sprite scaled(byte[] source, int sourceSide, int side) {
    byte[] out = new byte[side * side];
    double scale = (double) sourceSide / side;
    for (int y = 0; y < side; y++) {
      double sy = Math.max(0, (y + 0.5) * scale - 0.5);
      int y0 = Math.min((int) sy, sourceSide - 1);
      int y1 = Math.min(y0 + 1, sourceSide - 1);
      double fy = sy - y0;
      for (int x = 0; x < side; x++) {
        double sx = Math.max(0, (x + 0.5) * scale - 0.5);
        int x0 = Math.min((int) sx, sourceSide - 1);
        int x1 = Math.min(x0 + 1, sourceSide - 1);
        double fx = sx - x0;
        double top = (source[y0 * sourceSide + x0] & 0xff) * (1 - fx) + (source[y0 * sourceSide + x1] & 0xff) * fx;
        double bottom = (source[y1 * sourceSide + x0] & 0xff) * (1 - fx) + (source[y1 * sourceSide + x1] & 0xff) * fx;
        out[y * side + x] = (byte) Math.round(top * (1 - fy) + bottom * fy);
      }
    }
    return new Sprite(side, side, out);
  }

  /** The {@code w}×{@code h} window at (x, y), which must lie inside this sprite. */
  Sprite crop(int x, int y, int w, int h) {
    byte[] out = new byte[w * h];
    for (int r = 0; r < h; r++) {
      System.arraycopy(alpha, (y + r) * width + x, out, r * w, w);
    }
    return new Sprite(w, h, out);
  }

  /** Alpha of pixel (x, y), 0..255. */
  int at(int x, int y) {
    return alpha[y * width + x] & 0xff;
  }

  /** Tight box of the pixels with alpha ≥ {@code threshold}, relative to the sprite (empty box at 0,0 if none). */
  ObjectBox inkBox(int threshold) {
    int minX = width;
    int minY = height;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (at(x, y) >= threshold) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    return maxX < 0 ? new ObjectBox(0, 0, 0, 0) : new ObjectBox(minX, minY, maxX - minX + 1, maxY - minY + 1);
  }

  /** Paints a grey copy (level 0..255 at full alpha) into an RGB frame, keeping the brighter value per channel. */
  void paintMax(byte[] rgb, int frameSide, int left, int top, int level) {
    for (int y = 0; y < height; y++) {
      int fy = top + y;
      for (int x = 0; x < width; x++) {
        int v = at(x, y) * level / 255;
        if (v == 0) {
          continue;
        }
        int p = (fy * frameSide + left + x) * 3;
        for (int c = 0; c < 3; c++) {
          if ((rgb[p + c] & 0xff) < v) {
            rgb[p + c] = (byte) v;
          }
        }
      }
    }
  }

  /** Paints this sprite over an RGB frame in the colour {@code colour} (3 values 0..255), alpha-blended. */
  void paintOver(byte[] rgb, int frameSide, int left, int top, int[] colour) {
    for (int y = 0; y < height; y++) {
      int fy = top + y;
      for (int x = 0; x < width; x++) {
        int a = at(x, y);
        if (a == 0) {
          continue;
        }
        int p = (fy * frameSide + left + x) * 3;
        for (int c = 0; c < 3; c++) {
          rgb[p + c] = (byte) (((rgb[p + c] & 0xff) * (255 - a) + colour[c] * a + 127) / 255);
        }
      }
    }
  }
}
