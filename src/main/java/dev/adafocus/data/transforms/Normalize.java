package dev.adafocus.data.transforms;

import dev.adafocus.data.RgbFrame;
import java.util.List;

/** Scales bytes to [0,1] and standardises per channel, writing a clip in the official [T·3, H, W] layout. */
public record Normalize(float[] mean, float[] std) {
  /** The ImageNet statistics used by every official model. */
  public static final Normalize IMAGENET = new Normalize(new float[] {0.485f, 0.456f, 0.406f},
      new float[] {0.229f, 0.224f, 0.225f});

  public Normalize {
    if (mean.length != 3 || std.length != 3) {
      throw new IllegalArgumentException("mean and std need 3 values (R, G, B)");
    }
    mean = mean.clone();
    std = std.clone();
  }

  /**
   * Writes {@code clip} into {@code dst} from {@code offset}: frame t, channel c, pixel (y, x) at
   * offset + ((t·3 + c)·H + y)·W + x. Returns the number of values written.
   */
  public int write(List<RgbFrame> clip, float[] dst, int offset) {
    float[][] table = new float[3][256];
    for (int c = 0; c < 3; c++) {
      for (int v = 0; v < 256; v++) {
        table[c][v] = (v / 255f - mean[c]) / std[c];
      }
    }
    int pos = offset;
    for (RgbFrame f : clip) {
      byte[] rgb = f.rgb();
      int plane = f.width() * f.height();
      float[] r = table[0];
      float[] g = table[1];
      float[] b = table[2];
      for (int p = 0, i = 0; p < plane; p++, i += 3) {
        dst[pos + p] = r[rgb[i] & 0xff];
        dst[pos + plane + p] = g[rgb[i + 1] & 0xff];
        dst[pos + 2 * plane + p] = b[rgb[i + 2] & 0xff];
      }
      pos += 3 * plane;
    }
    return pos - offset;
  }
}
