package dev.adafocus.data;

/** One decoded frame: interleaved 8-bit RGB, row-major (index (y*width + x)*3 + channel). */
public record RgbFrame(int width, int height, byte[] rgb) {
  public RgbFrame {
    if (rgb.length != width * height * 3) {
      throw new IllegalArgumentException("RGB frame " + width + "x" + height + " needs " + width * height * 3
          + " bytes, got " + rgb.length);
    }
  }

  /** Channel {@code c} (0=R, 1=G, 2=B) of pixel (x, y), 0..255. */
  public int at(int x, int y, int c) {
    return rgb[(y * width + x) * 3 + c] & 0xff;
  }
}
